import type { Detector } from '../../types.ts';
import { decodeBase64 } from '../../validators/base64.ts';

/** True when the first segment of a JWT decodes to a JSON object with a string `alg`. */
export function jwtHeaderValid(token: string): boolean {
  const header = decodeBase64(token.slice(0, token.indexOf('.')));
  if (header === null) return false;
  try {
    const parsed: unknown = JSON.parse(header);
    return typeof parsed === 'object' && parsed !== null && typeof (parsed as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

/** JSON Web Tokens: three base64url segments whose header decodes to JSON with `alg`. */
export const jwt: Detector = {
  id: 'jwt',
  name: 'JSON Web Token',
  category: 'secret',
  description: 'JWTs (header.payload.signature, base64url) whose header decodes to a JSON object with an alg.',
  trigger: { keywords: ['eyj'] },
  window: 4000,
  pattern:
    /(?<![A-Za-z0-9_-])(?<value>eyJ[A-Za-z0-9_-]{8,2000}\.[A-Za-z0-9_-]{2,8000}\.[A-Za-z0-9_-]{0,1400})(?![A-Za-z0-9_-])/g,
  confidence: 'high',
  validate: jwtHeaderValid,
  context: ['jwt', 'token', 'bearer', 'authorization', 'session'],
  examples: {
    positive: [
      'token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ZjJhIiwicm9sZSI6ImFkbWluIiwiaWF0IjoxNzE4MDAwMDAwfQ.q5Cw0mB4Jd2yKfZr8VtN1sXo7hLpA3eUiGkR6TzWcYs',
    ],
    negative: [
      'eyJub3QiOiJhIGhlYWRlciJ9.eyJzdWIiOiI4ZjJhIn0.q5Cw0mB4Jd2yKfZr8VtN1sXo7hLpA3eUiGkR6TzWcYs',
      'the key eyJhbGciOiJIUzI1NiJ9 alone',
    ],
  },
};
