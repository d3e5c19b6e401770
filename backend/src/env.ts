import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Every environment variable Sightline reads. Documented in README.md (Configuration). */
export const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(1, 65535).default(8787),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// connection URL')
    .optional(),
  SIGHTLINE_DATA_DIR: z.string().min(1).default('.sightline'),
  SIGHTLINE_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, '32 random bytes, base64-encoded (openssl rand -base64 32)')
    .optional(),
  SIGHTLINE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SIGHTLINE_TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SIGHTLINE_SESSION_TTL_HOURS: int(1, 24 * 30).default(12),
  SIGHTLINE_SESSION_IDLE_MINUTES: int(5, 24 * 60).default(60),
  SIGHTLINE_LOGIN_MAX_FAILURES: int(1, 100).default(5),
  SIGHTLINE_LOGIN_LOCKOUT_MINUTES: int(1, 24 * 60).default(15),
  SIGHTLINE_RATE_LIMIT_PER_MINUTE: int(10, 1_000_000).default(600),
  SIGHTLINE_INGEST_BATCHES_PER_MINUTE: int(1, 1_000_000).default(120),
  SIGHTLINE_ENROLL_PER_MINUTE: int(1, 1_000_000).default(60),
  SIGHTLINE_AUDIT_CHECKPOINT_EVERY: int(1, 1_000_000).default(100),
  SIGHTLINE_AUDIT_CHECKPOINT_MINUTES: int(1, 24 * 60).default(10),
});
export type Env = z.infer<typeof envSchema>;

/** Thrown when the environment is invalid; the message names each variable and what it expects. */
export class EnvError extends Error {
  override name = 'EnvError';
}

/** Reads and validates the environment. The only place that reads `process.env` for configuration. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '(environment)');
    return `  ${name}=${JSON.stringify(source[name] ?? '')}: ${issue.message}`;
  });
  throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** The URL people reach this server at (used for cookies' Secure flag and printed links). */
export function publicUrl(env: Env): string {
  return env.SIGHTLINE_PUBLIC_URL ?? `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`;
}
