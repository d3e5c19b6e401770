/** A prompt field: a text control or the root of a contenteditable editor (ProseMirror, Quill, Lexical, ...). */
export type Editable = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);

/** True for a textarea or text input. */
export function isTextControl(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  if (el.tagName === 'TEXTAREA') return true;
  return el.tagName === 'INPUT' && TEXT_INPUT_TYPES.has((el as HTMLInputElement).type);
}

/** The editable field an event target belongs to (the outermost contenteditable), or null. */
export function editableOf(target: EventTarget | null): Editable | null {
  if (!target || typeof (target as Node).nodeType !== 'number') return null;
  let el: Element | null = (target as Node).nodeType === 1 ? (target as Element) : (target as Node).parentElement;
  if (!el) return null;
  if (isTextControl(el)) return el;
  let root: HTMLElement | null = null;
  while (el) {
    const attr = (el as HTMLElement).getAttribute?.('contenteditable');
    if (attr === '' || attr === 'true' || attr === 'plaintext-only') root = el as HTMLElement;
    else if (attr === 'false') break;
    el = el.parentElement;
  }
  return root;
}

const BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'PRE',
  'BLOCKQUOTE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'UL',
  'OL',
  'TABLE',
]);

/** The text of a field: the value of a text control, or the text of a contenteditable with one line per block. */
export function readEditorText(el: Editable): string {
  if (isTextControl(el)) return el.value;
  const lines: string[] = [];
  let line = '';
  for (const node of el.childNodes) {
    if (node.nodeType === 1 && BLOCKS.has((node as Element).tagName)) {
      if (line) lines.push(line);
      lines.push(node.textContent ?? '');
      line = '';
    } else line += node.textContent ?? '';
  }
  if (line || lines.length === 0) lines.push(line);
  return lines.join('\n');
}
