import { afterEach, describe, expect, it } from 'vitest';
import { editableOf, readEditorText } from './editor-text.ts';
import { insertText, replaceText, saveSelection } from './insert-text.ts';

const mount = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};

describe('editor text', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it.each([
    { name: 'textarea', html: '<textarea id="f">hello</textarea>', target: '#f', field: 'f', text: 'hello' },
    {
      name: 'ProseMirror paragraphs',
      html: '<div id="f" contenteditable="true" class="ProseMirror"><p id="t">one</p><p>two</p></div>',
      target: '#t',
      field: 'f',
      text: 'one\ntwo',
    },
    {
      name: 'Quill',
      html: '<div id="f" class="ql-editor" contenteditable="true"><p>a <b id="t">b</b></p></div>',
      target: '#t',
      field: 'f',
      text: 'a b',
    },
    {
      name: 'Lexical (bare text)',
      html: '<div id="f" contenteditable="true" data-lexical-editor="true">plain</div>',
      target: '#f',
      field: 'f',
      text: 'plain',
    },
    {
      name: 'non-editable island',
      html: '<div contenteditable="true"><span contenteditable="false"><i id="t">x</i></span></div>',
      target: '#t',
      field: null,
      text: '',
    },
    { name: 'plain paragraph', html: '<p id="t">no</p>', target: '#t', field: null, text: '' },
  ])('$name', ({ html, target, field, text }) => {
    const root = mount(html);
    const found = editableOf(root.querySelector(target));
    expect(found?.id ?? null).toBe(field);
    if (found) expect(readEditorText(found)).toBe(text);
  });

  it('inserts at the saved caret of a textarea and replaces the whole text', () => {
    const root = mount('<textarea id="f">hello world</textarea>');
    const f = root.querySelector('textarea')!;
    let inputs = 0;
    f.addEventListener('input', () => inputs++);
    f.setSelectionRange(5, 5);
    const saved = saveSelection(f);
    insertText(f, ',', saved);
    expect(f.value).toBe('hello, world');
    replaceText(f, 'new');
    expect(f.value).toBe('new');
    expect(inputs).toBeGreaterThanOrEqual(2);
  });

  it('inserts into a contenteditable and announces it with an input event', () => {
    const root = mount('<div id="f" contenteditable="true"><p>start</p></div>');
    const f = root.querySelector<HTMLElement>('#f')!;
    let inputs = 0;
    f.addEventListener('input', () => inputs++);
    insertText(f, ' more', null);
    expect(readEditorText(f)).toContain('more');
    expect(inputs).toBe(1);
  });
});
