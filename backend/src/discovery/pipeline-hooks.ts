import { deliverPendingAlerts } from '../alerts/webhook.ts';
import { readWebhookConfig } from '../alerts/webhook-config.ts';
import type { AppDeps } from '../deps.ts';
import { computeExposure } from '../exposure/compute.ts';
import type { RecomputeHooks } from './recompute.ts';

/** The steps after findings in production: the exposure score, then webhook delivery of high and critical alerts. */
export const pipelineHooks: RecomputeHooks = {
  computeExposure: (deps: AppDeps, now: Date) => computeExposure(deps.database.db, { now }),
  deliverPendingAlerts: async (deps: AppDeps) => {
    const { delivered, failed } = await deliverPendingAlerts(deps);
    return { delivered, failed };
  },
  webhookConfigured: async (deps: AppDeps) => {
    const config = await readWebhookConfig(deps.database.db, deps.box);
    return config?.enabled === true;
  },
};
