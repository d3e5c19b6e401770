import { browser } from 'wxt/browser';
import { sendMessage } from '../../utils/messages.ts';
import { renderStatus } from '../../utils/render-status.ts';

const send = (m: unknown) => browser.runtime.sendMessage(m);
void sendMessage(send, 'getStatus', {}).then((view) =>
  document.getElementById('status')!.replaceChildren(renderStatus(document, view)),
);
document.getElementById('options')!.addEventListener('click', (e) => {
  e.preventDefault();
  void browser.runtime.openOptionsPage();
});
