import { type Editable, isTextControl } from './editor-text.ts';

/** Where the caret was in a field, to put text back there after a dialog took the focus. */
export type SavedSelection = { start: number; end: number } | Range | null;

/** Remembers the caret of a field. */
export function saveSelection(el: Editable, doc: Document = el.ownerDocument): SavedSelection {
  if (isTextControl(el))
    return { start: el.selectionStart ?? el.value.length, end: el.selectionEnd ?? el.value.length };
  const sel = doc.getSelection();
  if (sel && sel.rangeCount > 0 && el.contains(sel.getRangeAt(0).commonAncestorContainer))
    return sel.getRangeAt(0).cloneRange();
  return null;
}

function restoreSelection(el: Editable, saved: SavedSelection, doc: Document) {
  el.focus();
  if (!saved) return;
  if (isTextControl(el)) {
    if (!(saved instanceof Range)) el.setSelectionRange(saved.start, saved.end);
    return;
  }
  if (saved instanceof Range) {
    const sel = doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(saved);
  }
}

function setNativeValue(el: HTMLTextAreaElement | HTMLInputElement, value: string) {
  // React keeps its own copy of the value: only the prototype's setter makes it notice (facebook/react#10135).
  const proto = Object.getPrototypeOf(el) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Inserts text at the saved caret the way typing would, so editors (ProseMirror, Quill, Lexical, React) update
 * their own state: `execCommand('insertText')` first, then a native-setter / DOM fallback.
 */
export function insertText(el: Editable, text: string, saved: SavedSelection, doc: Document = el.ownerDocument): void {
  restoreSelection(el, saved, doc);
  if (doc.execCommand?.('insertText', false, text)) return;
  if (isTextControl(el)) {
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? start;
    setNativeValue(el, el.value.slice(0, start) + text + el.value.slice(end));
    return;
  }
  const sel = doc.getSelection();
  const range = sel && sel.rangeCount > 0 ? sel.getRangeAt(0) : null;
  if (range && el.contains(range.commonAncestorContainer)) {
    range.deleteContents();
    range.insertNode(doc.createTextNode(text));
    range.collapse(false);
  } else el.append(doc.createTextNode(text));
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/** Replaces the whole content of a field with `text`, through the editor's own input handling. */
export function replaceText(el: Editable, text: string, doc: Document = el.ownerDocument): void {
  if (isTextControl(el)) {
    el.focus();
    el.select();
    if (!doc.execCommand?.('insertText', false, text)) setNativeValue(el, text);
    return;
  }
  const range = doc.createRange();
  range.selectNodeContents(el);
  insertText(el, text, range, doc);
}
