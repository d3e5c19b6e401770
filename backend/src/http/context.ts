import type { ActiveSession } from '../auth/sessions.ts';
import type { AppDeps } from '../deps.ts';
import type { DeviceRow } from '../enrolment/devices.ts';

/** Hono environment of the app: per-request variables. */
export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    ip: string;
    /** Set by the guard on routes that need a session. */
    auth: ActiveSession;
    /** Set by the device guard on extension routes. */
    device: DeviceRow;
  };
}
