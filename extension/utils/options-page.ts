import type { WxtBrowser } from 'wxt/browser';
import { sendMessage } from './messages.ts';
import { parseEnrollmentLink } from './parse-enrollment-link.ts';
import { renderStatus } from './render-status.ts';
import type { StatusView } from './status-view.ts';

type BrowserLike = Pick<WxtBrowser, 'runtime' | 'permissions'>;

/** The backend origin as a host-permission pattern. */
export function originPattern(serverUrl: string): string {
  return `${new URL(serverUrl).origin}/*`;
}

/** Wires the options page: status, manual set-up (prefilled from an enrolment link), diagnostics. */
export function startOptionsPage(doc: Document, browser: BrowserLike, href: string): void {
  const send = (m: unknown) => browser.runtime.sendMessage(m);
  const $ = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  const form = $<HTMLFormElement>('setup');
  const result = $<HTMLParagraphElement>('setup-result');

  const show = (view: StatusView) => {
    $('status').replaceChildren(renderStatus(doc, view));
    $('diagnostics').textContent = JSON.stringify(
      {
        light: view.light,
        serverUrl: view.serverUrl,
        configSource: view.configSource,
        enrolled: view.enrolled,
        deviceId: view.deviceId,
        bundle: { version: view.bundleVersion, source: view.bundleSource },
        eventsWaiting: view.eventsWaiting,
        eventsSent: view.eventsSent,
        sync: view.sync,
      },
      null,
      2,
    );
    const managed = view.configSource === 'managed';
    $('managed-note').hidden = !managed;
    for (const el of form.querySelectorAll<HTMLInputElement>('input, select, button')) el.disabled = managed;
    if (!managed && view.serverUrl && !$<HTMLInputElement>('serverUrl').value)
      $<HTMLInputElement>('serverUrl').value = view.serverUrl;
  };

  const link = parseEnrollmentLink(href);
  if (link) {
    $<HTMLInputElement>('serverUrl').value = link.serverUrl;
    $<HTMLInputElement>('enrollmentToken').value = link.enrollmentToken;
    $<HTMLSelectElement>('mode').value = link.mode ?? '';
    result.textContent = `Enrolment link for ${link.serverUrl}: check the address, then press Connect.`;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const serverUrl = $<HTMLInputElement>('serverUrl').value.trim();
    const enrollmentToken = $<HTMLInputElement>('enrollmentToken').value.trim();
    const mode = $<HTMLSelectElement>('mode').value;
    const origins = [originPattern(serverUrl)];
    // Asked inside the click: browsers grant optional host permissions only on a user gesture.
    void browser.permissions
      .contains({ origins })
      .then((has) => has || browser.permissions.request({ origins }).catch(() => false))
      .then(() =>
        sendMessage(send, 'saveSettings', {
          serverUrl,
          enrollmentToken,
          ...(mode === 'monitor' || mode === 'enforce' ? { mode } : {}),
        }),
      )
      .then((view) => {
        result.textContent = view.enrolled ? `Connected to ${view.organization ?? serverUrl}.` : view.summary;
        show(view);
      });
  });
  $('sync-now').addEventListener('click', () => void sendMessage(send, 'syncNow', {}).then(show));
  void sendMessage(send, 'getStatus', {}).then(show);
}
