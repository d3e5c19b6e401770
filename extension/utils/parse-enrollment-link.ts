import type { ManualSettings } from './storage.ts';

/**
 * Reads an enrolment link's parameters (`?server=https://...&token=...&mode=enforce`, in the query or the hash)
 * into manual settings, or null when the link carries none or an invalid server URL.
 */
export function parseEnrollmentLink(href: string): ManualSettings | null {
  const url = new URL(href);
  const params = new URLSearchParams(url.search || url.hash.replace(/^#\??/, ''));
  const server = params.get('server');
  const token = params.get('token');
  if (!server || !token) return null;
  let serverUrl: URL;
  try {
    serverUrl = new URL(server);
  } catch {
    return null;
  }
  if (serverUrl.protocol !== 'https:' && serverUrl.protocol !== 'http:') return null;
  const mode = params.get('mode');
  return {
    serverUrl: serverUrl.origin + serverUrl.pathname.replace(/\/+$/, ''),
    enrollmentToken: token,
    ...(mode === 'monitor' || mode === 'enforce' ? { mode } : {}),
  };
}
