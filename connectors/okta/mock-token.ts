/** The Okta mock's token endpoint check: a client_credentials request with a signed private_key_jwt assertion. */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

export interface ServiceAppOptions {
  clientId: string;
  /** Public key registered on the app (PEM or KeyObject); the assertion's signature is verified with it. */
  publicKey: string | KeyObject;
  /** Scopes granted to the app; requesting others fails with invalid_scope. */
  grantedScopes: string[];
}

type TokenCheck = { ok: true; scopes: string[] } | { ok: false; status: number; error: string; description: string };

const fail = (status: number, error: string, description: string): TokenCheck => ({
  ok: false,
  status,
  error,
  description,
});

function part(segment: string | undefined): Record<string, unknown> | null {
  try {
    return JSON.parse(Buffer.from(segment ?? '', 'base64url').toString()) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Validates grant type, assertion type, JWT shape (alg, iss = sub = client id, aud, exp, jti), signature and scopes. */
export function checkClientAssertion(
  params: URLSearchParams,
  audience: string,
  app: ServiceAppOptions | undefined,
): TokenCheck {
  if (params.get('grant_type') !== 'client_credentials') {
    return fail(
      400,
      'unsupported_grant_type',
      'The authorization grant type is not supported by the authorization server.',
    );
  }
  if (params.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
    return fail(401, 'invalid_client', 'client_assertion_type must be jwt-bearer.');
  }
  const segments = (params.get('client_assertion') ?? '').split('.');
  const header = part(segments[0]);
  const claims = part(segments[1]);
  if (segments.length !== 3 || !header || !claims)
    return fail(401, 'invalid_client', 'The client_assertion is not a JWT.');
  if (header['alg'] !== 'RS256' && header['alg'] !== 'ES256')
    return fail(401, 'invalid_client', 'Unsupported JWT alg.');
  const now = Math.floor(Date.now() / 1000);
  if (!app || claims['iss'] !== app.clientId || claims['sub'] !== app.clientId) {
    return fail(401, 'invalid_client', 'The client_assertion token has an invalid issuer or subject.');
  }
  if (claims['aud'] !== audience) return fail(401, 'invalid_client', `The audience claim must be ${audience}.`);
  if (typeof claims['exp'] !== 'number' || claims['exp'] < now || claims['exp'] > now + 3600) {
    return fail(401, 'invalid_client', 'The client_assertion token is expired or lives longer than an hour.');
  }
  if (typeof claims['jti'] !== 'string' || claims['jti'].length === 0)
    return fail(401, 'invalid_client', 'jti is required.');
  const key = typeof app.publicKey === 'string' ? createPublicKey(app.publicKey) : app.publicKey;
  const signed = Buffer.from(`${segments[0]}.${segments[1]}`);
  const signature = Buffer.from(segments[2]!, 'base64url');
  const valid =
    header['alg'] === 'RS256'
      ? verify('sha256', signed, key, signature)
      : verify('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, signature);
  if (!valid) return fail(401, 'invalid_client', 'The client_assertion signature is invalid.');
  const scopes = (params.get('scope') ?? '').split(' ').filter(Boolean);
  const missing = scopes.filter((s) => !app.grantedScopes.includes(s));
  if (missing.length > 0) {
    return fail(400, 'invalid_scope', `The following scopes are not granted to the client: ${missing.join(', ')}.`);
  }
  return { ok: true, scopes };
}
