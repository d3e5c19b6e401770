import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { alertRoutes } from './alerts/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { publicRoute, sessionToken } from './auth/guard.ts';
import { authRoutes } from './auth/routes.ts';
import type { DlpPolicySource } from './bundle/build-bundle.ts';
import { storedDlpPolicySource } from './bundle/dlp-policy-source.ts';
import { bundleRoutes } from './bundle/routes.ts';
import { connectorRoutes } from './connectors/routes.ts';
import type { ConnectorRuntime } from './connectors/scheduler.ts';
import { hashToken } from './crypto/tokens.ts';
import type { AppDeps } from './deps.ts';
import { discoveryRoutes } from './discovery/routes.ts';
import { enrolmentRoutes } from './enrolment/routes.ts';
import { publicUrl } from './env.ts';
import { evidenceRoutes } from './evidence/routes.ts';
import { exposureRoutes } from './exposure/routes.ts';
import { findingDecisionRoutes } from './findings/decision-routes.ts';
import { findingRoutes } from './findings/routes.ts';
import { governanceRoutes } from './governance/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { clientIp } from './http/client-ip.ts';
import type { AppEnv } from './http/context.ts';
import { ApiError, renderError } from './http/errors.ts';
import { extensionCors } from './http/extension-cors.ts';
import { createRateLimiter } from './http/rate-limit.ts';
import { createRouter } from './http/router.ts';
import { ingestRoutes } from './ingest/routes.ts';
import { mountReference } from './openapi/reference.ts';
import { policyRoutes } from './policy-store/routes.ts';
import { settingsRoutes } from './settings/routes.ts';
import { setupRoutes } from './setup/routes.ts';
import { userRoutes } from './users/routes.ts';

export const API_VERSION = '0.1.0';

/** Builds the whole HTTP app from its dependencies. Serving it is the entrypoint's job. */
export function createApp(deps: AppDeps, options: { dlpPolicy?: DlpPolicySource; connectors?: ConnectorRuntime } = {}) {
  const app = new OpenAPIHono<AppEnv>();
  const limiter = createRateLimiter({
    limit: deps.env.SIGHTLINE_RATE_LIMIT_PER_MINUTE,
    windowMs: 60_000,
    clock: deps.clock,
  });
  const origin = new URL(publicUrl(deps.env)).origin;

  app.use('*', requestId());
  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('deps', deps);
    c.set('ip', clientIp(c, deps.env.SIGHTLINE_TRUST_PROXY));
    await next();
    deps.logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        user: c.var.auth?.user.id,
      },
      'request',
    );
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
      },
      strictTransportSecurity: origin.startsWith('https:') ? 'max-age=31536000; includeSubDomains' : false,
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'same-origin',
    }),
  );
  for (const path of ['/api/v1/enroll', '/api/v1/extension/bundle', '/api/v1/ingest']) app.use(path, extensionCors);
  app.use('/api/*', csrf({ origin: (o) => o === origin }));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', 'The request body is larger than 1 MB.');
      },
    }),
  );
  app.use('/api/*', async (c, next) => {
    // Keyed by session or device token where there is one: many browsers share one office address.
    const token = sessionToken(c);
    const bearer = c.req.header('authorization');
    const key = token ? `s:${hashToken(token)}` : bearer ? `d:${hashToken(bearer)}` : `ip:${c.get('ip')}`;
    const hit = limiter.hit(key);
    if (!hit.ok) {
      throw new ApiError(429, 'rate_limited', 'Too many requests; slow down.', {
        headers: { 'Retry-After': String(hit.retryAfterSeconds) },
      });
    }
    await next();
  });

  app.route('/', healthRoutes(deps));
  const api = createRouter();
  api.route('/', setupRoutes(deps));
  api.route('/', authRoutes(deps));
  api.route('/', userRoutes(deps));
  api.route('/', auditRoutes(deps));
  api.route('/', settingsRoutes(deps));
  api.route('/', enrolmentRoutes(deps));
  api.route('/', bundleRoutes(deps, options.dlpPolicy ?? storedDlpPolicySource(deps.clock)));
  api.route('/', ingestRoutes(deps));
  api.route('/', discoveryRoutes(deps));
  api.route('/', policyRoutes(deps));
  api.route('/', findingRoutes(deps));
  api.route('/', findingDecisionRoutes(deps));
  api.route('/', governanceRoutes(deps));
  api.route('/', exposureRoutes(deps));
  api.route('/', alertRoutes(deps));
  api.route('/', evidenceRoutes(deps));
  api.route('/', connectorRoutes(deps, options.connectors));
  app.route('/api/v1', api);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'sightline_session',
  });
  app.get('/api/openapi.json', publicRoute, (c) =>
    c.json(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Sightline API',
          version: API_VERSION,
          description:
            'Discovery of AI use: enrolment, ingest, findings, exposure and administration. Errors are always `{ "error": { "code", "message", "details"? } }`. State-changing requests with a session need the `x-csrf-token` header from `GET /api/v1/auth/session`.',
        },
        security: [{ session: [] }],
      }),
    ),
  );
  mountReference(app);

  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}.` } }, 404),
  );
  app.onError((err, c) =>
    renderError(err, c, (e) => deps.logger.error({ err: e, requestId: c.get('requestId') }, 'unhandled error')),
  );
  return app;
}

export type App = ReturnType<typeof createApp>;
