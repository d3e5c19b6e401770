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

/** The text of a field: the value of a text control, or the block-separated text of a contenteditable. */
export function readEditorText(el: Editable): string {
  if (isTextControl(el)) return el.value;
  const blocks = el.children;
  if (blocks.length === 0) return el.textContent ?? '';
  const parts: string[] = [];
  for (let i = 0; i < blocks.length; i++) parts.push(blocks[i]!.textContent ?? '');
  return parts.join('\n');
}
