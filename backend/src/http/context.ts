import type { ActiveSession } from '../auth/sessions.ts';
import type { AppDeps } from '../deps.ts';

/** Hono environment of the app: per-request variables. */
export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    ip: string;
    /** Set by the guard on routes that need a session. */
    auth: ActiveSession;
  };
}
