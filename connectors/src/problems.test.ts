import { describe, expect, it } from 'vitest';
import { classifyProblem, failedTest, toConnectorError } from './problems.ts';
import { ConnectorError } from './types.ts';

const err = (props: object, message = 'failed') => Object.assign(new Error(message), props);
const label = 'Vendor';

describe('classifyProblem', () => {
  it.each([
    ['401', err({ status: 401 }), 'bad_credentials'],
    ['Okta invalid token', err({ status: 401, errorCode: 'E0000011' }), 'bad_credentials'],
    ['Okta permission', err({ status: 403, errorCode: 'E0000006' }), 'missing_scope'],
    ['Okta rate limit', err({ status: 429, errorCode: 'E0000047' }), 'rate_limited'],
    [
      'Graph non-premium',
      err({ statusCode: 403, code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant' }),
      'missing_license',
    ],
    ['Graph denied', err({ statusCode: 403, code: 'Authorization_RequestDenied' }), 'missing_scope'],
    ['Graph bad token', err({ statusCode: 401, code: 'InvalidAuthenticationToken' }), 'bad_credentials'],
    ['Azure identity', err({ statusCode: 400, errorResponse: { error: 'invalid_client' } }), 'bad_credentials'],
    [
      'Google scope',
      err({
        status: 403,
        response: { status: 403, data: { error: { code: 403, errors: [{ reason: 'insufficientPermissions' }] } } },
      }),
      'missing_scope',
    ],
    ['Google DWD', err({ response: { status: 401, data: { error: 'unauthorized_client' } } }), 'missing_scope'],
    [
      'Slack auth',
      err({ code: 'slack_webapi_platform_error', data: { ok: false, error: 'invalid_auth' } }),
      'bad_credentials',
    ],
    [
      'Slack scope',
      err({ code: 'slack_webapi_platform_error', data: { ok: false, error: 'missing_scope' } }),
      'missing_scope',
    ],
    [
      'Slack plan',
      err({ code: 'slack_webapi_platform_error', data: { ok: false, error: 'team_not_on_enterprise' } }),
      'missing_license',
    ],
    ['Slack rate', err({ code: 'slack_webapi_rate_limited_error', retryAfter: 3 }), 'rate_limited'],
    [
      'GitHub plain 403',
      err({ status: 403, response: { headers: { 'x-ratelimit-remaining': '10' } } }),
      'missing_scope',
    ],
    ['GitHub exhausted', err({ status: 403, response: { headers: { 'x-ratelimit-remaining': '0' } } }), 'rate_limited'],
    ['refused', err({ code: 'ECONNREFUSED' }), 'unreachable'],
    ['fetch cause', err({ cause: err({ code: 'ENOTFOUND' }) }, 'fetch failed'), 'unreachable'],
    [
      'Slack request error',
      err({ code: 'slack_webapi_request_error', original: err({ code: 'ECONNREFUSED' }) }),
      'unreachable',
    ],
    ['timeout', err({ name: 'TimeoutError' }), 'unreachable'],
    ['tls', err({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), 'unreachable'],
    ['500', err({ status: 500 }), 'unexpected'],
    ['plain', new Error('boom'), 'unexpected'],
  ])('%s → %s', (_name, e, problem) => {
    expect(classifyProblem(e, { label }).problem).toBe(problem);
  });

  it('lets a vendor override codes', () => {
    expect(
      classifyProblem(err({ status: 404, code: 'copilot_off' }), { label, codes: { copilot_off: 'missing_license' } })
        .problem,
    ).toBe('missing_license');
  });

  it('writes a message that says what to fix and what the vendor said', () => {
    const c = classifyProblem(err({ status: 401, errorCode: 'E0000011' }, 'Invalid token provided'), { label: 'Okta' });
    expect(c.message).toMatch(
      /^Okta rejected the credentials\. Check the token.*\(HTTP 401 E0000011: Invalid token provided\)$/,
    );
    expect(c.details).toEqual({ status: 401, code: 'E0000011', network: undefined });
  });

  it('keeps a ConnectorError as it is', () => {
    const e = new ConnectorError('missing_license', 'Needs Entra ID P1.');
    expect(classifyProblem(e, { label })).toMatchObject({ problem: 'missing_license', message: 'Needs Entra ID P1.' });
    expect(toConnectorError(e, { label })).toBe(e);
  });

  it('builds failed test results and connector errors', () => {
    expect(failedTest(err({ status: 401 }), { label })).toMatchObject({ ok: false, problem: 'bad_credentials' });
    const ce = toConnectorError(err({ code: 'ECONNREFUSED' }), { label });
    expect(ce).toBeInstanceOf(ConnectorError);
    expect(ce.problem).toBe('unreachable');
  });
});
