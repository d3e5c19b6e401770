import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import { publicRoute } from '../auth/guard.ts';
import type { AppEnv } from '../http/context.ts';

const assetsDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sightline API reference</title>
<link rel="stylesheet" href="/api/reference/swagger-ui.css"></head>
<body><div id="reference"></div>
<script src="/api/reference/swagger-ui-bundle.js"></script>
<script src="/api/reference/init.js"></script>
</body></html>`;

// Same-origin requests from the page carry the session cookie; the CSRF header is added for unsafe methods.
const init = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#reference', deepLinking: true,
  requestInterceptor: async (req) => {
    if (!/^(GET|HEAD)$/i.test(req.method)) {
      const r = await fetch('/api/v1/auth/session', { credentials: 'same-origin' });
      if (r.ok) req.headers['x-csrf-token'] = (await r.json()).csrfToken;
    }
    return req;
  } });`;

// Swagger UI sets inline style attributes, so this page alone allows inline styles; scripts stay 'self'.
const referenceCsp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

/** The interactive API reference (Swagger UI served from the installed package, no CDN). */
export function mountReference(app: Hono<AppEnv>) {
  const cache = new Map<string, string>();
  app.get('/api/reference', publicRoute, (c) => {
    c.header('Content-Security-Policy', referenceCsp);
    return c.html(page);
  });
  app.get('/api/reference/init.js', publicRoute, (c) =>
    c.body(init, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/api/reference/:asset{swagger-ui\\.css|swagger-ui-bundle\\.js}', publicRoute, (c) => {
    const name = c.req.param('asset');
    const type = assets[name]!;
    let body = cache.get(name);
    if (body === undefined) {
      body = readFileSync(join(assetsDir, name), 'utf8');
      cache.set(name, body);
    }
    return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
  });
}
