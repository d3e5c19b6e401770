import type { StatusView } from './status-view.ts';

const LIGHT_LABEL = { green: 'Connected', amber: 'Not connected or degraded', red: 'Failing' } as const;

function row(doc: Document, label: string, value: string, testId: string): HTMLElement {
  const dt = doc.createElement('dt');
  dt.textContent = label;
  const dd = doc.createElement('dd');
  dd.textContent = value;
  dd.dataset.testid = testId;
  const div = doc.createElement('div');
  div.append(dt, dd);
  return div;
}

/** Renders the status panel shared by the popup and the options page (text only, no HTML from the server). */
export function renderStatus(doc: Document, view: StatusView): HTMLElement {
  const section = doc.createElement('section');
  section.className = 'status';
  const light = doc.createElement('p');
  light.className = `light light-${view.light}`;
  light.dataset.testid = 'status-light';
  light.dataset.light = view.light;
  light.setAttribute('role', 'status');
  light.textContent = `${LIGHT_LABEL[view.light]}: ${view.summary}`;
  const list = doc.createElement('dl');
  list.append(
    row(doc, 'Organisation', view.organization ?? 'not enrolled', 'organization'),
    row(
      doc,
      'Mode',
      view.mode === 'enforce' ? 'Enforce (policy applied)' : 'Monitor (reports only, never blocks)',
      'mode',
    ),
    row(
      doc,
      'Monitored',
      `AI services only: ${view.monitored.examples.join(', ')} and ${Math.max(0, view.monitored.total - view.monitored.examples.length)} more. Other browsing is never seen.`,
      'monitored',
    ),
    row(doc, 'Events waiting', String(view.eventsWaiting), 'events-waiting'),
  );
  const notice = doc.createElement('article');
  notice.className = 'notice';
  const h = doc.createElement('h2');
  h.textContent = view.notice.title;
  const p = doc.createElement('p');
  p.textContent = view.notice.text;
  const c = doc.createElement('p');
  c.textContent = `Contact: ${view.notice.contact}`;
  notice.append(h, p, c);
  section.append(light, list, notice);
  return section;
}
