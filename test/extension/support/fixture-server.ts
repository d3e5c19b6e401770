import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getCatalog } from '@sightline/fingerprints';
import { selfSignedCertificate } from './tls.ts';

/** A request some page or the extension made, as the local servers saw it. */
export interface RecordedRequest {
  server: 'sites' | 'backend';
  method: string;
  url: string;
  headers: string;
  body: string;
}

const FIXTURES = join(import.meta.dirname, '../../../fingerprints/fixtures');

/** Services with DOM rules and a fixture page, with the URL the fixture is served at (first web host rule). */
export function fixtureSites(): { id: string; url: string; host: string }[] {
  return getCatalog()
    .services.filter((s) => s.dom !== null)
    .map((s) => {
      const rule = s.hosts[0]!;
      const slash = rule.indexOf('/');
      const host = slash === -1 ? rule : rule.slice(0, slash);
      return { id: s.id, host, url: `https://${rule}${slash === -1 ? '/' : ''}` };
    });
}

export const NON_AI_URL = 'https://news.example.org/article';

const PLAIN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title></head>
<body><h1>Not an AI service</h1><textarea id="comment"></textarea></body></html>`;

/**
 * An HTTPS server answering for every host name (the browser maps them all to it): fixture pages under their
 * real AI host names, a plain page elsewhere. Every request is recorded.
 */
export async function startFixtureServer(
  recorded: RecordedRequest[],
): Promise<{ port: number; close(): Promise<void> }> {
  const byHost = new Map(fixtureSites().map((s) => [s.host, s]));
  const tls = selfSignedCertificate();
  const server: Server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const host = (req.headers.host ?? '').split(':')[0]!;
      recorded.push({
        server: 'sites',
        method: req.method ?? 'GET',
        url: `https://${host}${req.url ?? '/'}`,
        headers: JSON.stringify(req.headers),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const site = byHost.get(host);
      const path = (req.url ?? '/').split('?')[0]!;
      if (site && new URL(site.url).pathname.replace(/\/$/, '') === path.replace(/\/$/, '')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(readFileSync(join(FIXTURES, `${site.id}.html`)));
        return;
      }
      // The same fixture under a non-AI host: a page the extension leaves alone (benchmark baseline).
      const copy = /^\/fixture\/([a-z0-9-]+)$/.exec(path);
      if (copy && !site && fixtureSites().some((f) => f.id === copy[1])) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(readFileSync(join(FIXTURES, `${copy[1]}.html`)));
        return;
      }
      if (path === '/favicon.ico') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PLAIN_PAGE);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
