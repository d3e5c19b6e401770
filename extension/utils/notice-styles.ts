/** Styles of the notice dialog; it lives in a shadow root, so page CSS cannot reach it and it cannot reach the page. */
export const noticeStyles = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; background: rgba(15, 23, 42, 0.45); z-index: 2147483647;
  display: flex; align-items: center; justify-content: center; font: 14px/1.45 system-ui, sans-serif; }
.dialog { background: #fff; color: #0f172a; max-width: 30rem; width: calc(100% - 2rem); border-radius: 10px;
  box-shadow: 0 12px 40px rgba(0,0,0,.3); padding: 1.25rem 1.5rem; }
.dialog[data-action="block"] { border-top: 6px solid #b91c1c; }
.dialog[data-action="warn"] { border-top: 6px solid #b45309; }
.dialog[data-action="redact"] { border-top: 6px solid #1d4ed8; }
h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
ul { margin: .5rem 0; padding-left: 1.25rem; }
p { margin: .5rem 0; }
.contact { color: #334155; font-size: .9rem; }
label { display: block; font-weight: 600; margin-top: .75rem; }
textarea { width: 100%; box-sizing: border-box; min-height: 4rem; margin-top: .25rem; font: inherit; padding: .4rem; }
.buttons { display: flex; gap: .5rem; justify-content: flex-end; margin-top: 1rem; }
button { font: inherit; padding: .45rem 1rem; border-radius: 6px; border: 1px solid #94a3b8; background: #f8fafc; cursor: pointer; }
button.primary { background: #0f172a; color: #fff; border-color: #0f172a; }
button:disabled { opacity: .5; cursor: not-allowed; }
button:focus-visible, textarea:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
`;
