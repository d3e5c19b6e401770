import { cors } from 'hono/cors';

const extensionOrigin = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]{1,64}$/i;

/**
 * CORS for the three device routes only (enrol, bundle, ingest): a force-installed extension learns the server URL
 * from managed configuration at run time, so it has no host permission for it and its requests are CORS requests.
 * These routes authenticate with a bearer device token, never a cookie, so allowing extension origins exposes
 * nothing ambient; web page origins stay refused.
 */
export const extensionCors = cors({
  origin: (origin) => (extensionOrigin.test(origin) ? origin : null),
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  allowHeaders: ['authorization', 'content-type', 'content-encoding', 'if-none-match'],
  exposeHeaders: ['etag', 'retry-after', 'x-request-id'],
  credentials: false,
  maxAge: 600,
});
