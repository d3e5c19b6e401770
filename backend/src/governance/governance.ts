import { z } from '@hono/zod-openapi';
import { getCatalog } from '@sightline/fingerprints';
import { eq } from 'drizzle-orm';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Db } from '../db/client.ts';
import { serviceGovernance, serviceStatuses } from '../db/schema.ts';
import { activePolicySnapshotId } from '../evidence/policy-snapshot.ts';
import { decisionKey, findDecisionByKey, recordDecision } from '../evidence/record-decision.ts';
import { ApiError } from '../http/errors.ts';
import { getOrganizationSettings } from '../settings/organization.ts';

export const governanceSchema = z
  .object({
    serviceId: z.string(),
    status: z.enum(serviceStatuses),
    /** False while nobody decided: the status is then the organisation's default. */
    decided: z.boolean(),
    owner: z.string().nullable(),
    notes: z.string().nullable(),
    reviewDate: z.string().nullable(),
    version: z.number().int().openapi({ description: '0 while nobody decided; send it back with a change' }),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .openapi('Governance');
export type GovernanceView = z.infer<typeof governanceSchema>;

export const governanceInputSchema = z.strictObject({
  version: z.number().int().min(0).openapi({ description: 'The governance version you saw (0: never decided)' }),
  status: z.enum(serviceStatuses),
  owner: z.string().trim().max(200).nullable().default(null),
  notes: z.string().max(4000).nullable().default(null),
  reviewDate: z.iso.datetime({ offset: true }).nullable().default(null),
  reason: z.string().trim().min(3).max(2000).optional(),
  policySnapshotId: z.string().min(1).max(200).optional().openapi({
    description: 'When given, the change is refused (409 policy_changed) if the policy in force moved on',
  }),
});
export type GovernanceInput = z.infer<typeof governanceInputSchema>;

type Row = typeof serviceGovernance.$inferSelect;

/** The catalog service, or 404. */
export function catalogServiceOr404(serviceId: string) {
  const service = getCatalog().byId.get(serviceId);
  if (!service) throw new ApiError(404, 'not_found', `No service ${serviceId} in the catalog.`);
  return service;
}

/** A governance row (or the default when none) in API form. */
export function governanceView(serviceId: string, row: Row | undefined, defaultStatus: Row['status']): GovernanceView {
  return {
    serviceId,
    status: row?.status ?? defaultStatus,
    decided: Boolean(row),
    owner: row?.owner ?? null,
    notes: row?.notes ?? null,
    reviewDate: row?.reviewDate?.toISOString() ?? null,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

/** The governance of one catalog service. */
export async function getGovernance(db: Db, serviceId: string): Promise<GovernanceView> {
  catalogServiceOr404(serviceId);
  const [row] = await db.select().from(serviceGovernance).where(eq(serviceGovernance.serviceId, serviceId));
  return governanceView(serviceId, row, (await getOrganizationSettings(db)).defaultStatus);
}

const paramsOf = (i: GovernanceInput) => ({
  status: i.status,
  owner: i.owner,
  notes: i.notes,
  reviewDate: i.reviewDate ? new Date(i.reviewDate).toISOString() : null,
});

/**
 * Sets a service's governance under the evidence contract (optimistic `version`, 409 stale_version,
 * optional 409 policy_changed, idempotent repeat), with a decisions row and an audit entry, in one transaction.
 */
export async function putGovernance(
  db: Db,
  audit: AuditLog,
  req: {
    serviceId: string;
    input: GovernanceInput;
    actor: { type: 'user'; id: string; role: string };
    now: Date;
    requestId?: string;
  },
) {
  catalogServiceOr404(req.serviceId);
  const { input } = req;
  const params = paramsOf(input);
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const key = decisionKey({
      subjectType: 'service',
      subjectId: req.serviceId,
      decision: 'govern',
      params,
      version: input.version,
    });
    const [row] = await tx
      .select()
      .from(serviceGovernance)
      .where(eq(serviceGovernance.serviceId, req.serviceId))
      .for('update');
    const previous = await findDecisionByKey(tx, key);
    if (previous) return { idempotent: true, decisionId: previous.id };
    const current = row?.version ?? 0;
    const defaultStatus = (await getOrganizationSettings(tx)).defaultStatus;
    const before = governanceView(req.serviceId, row, defaultStatus);
    if (input.version !== current) {
      throw new ApiError(
        409,
        'stale_version',
        `The governance of ${req.serviceId} changed since you saw it (version ${input.version}, now ${current}).`,
        {
          details: { currentVersion: current, yourVersion: input.version, current: before },
        },
      );
    }
    const active = await activePolicySnapshotId(tx);
    if (input.policySnapshotId && input.policySnapshotId !== active) {
      throw new ApiError(409, 'policy_changed', 'The policy changed since you reviewed this service.', {
        details: { currentPolicySnapshotId: active, yourPolicySnapshotId: input.policySnapshotId },
      });
    }
    const values = {
      status: params.status,
      owner: params.owner,
      notes: params.notes,
      reviewDate: params.reviewDate ? new Date(params.reviewDate) : null,
      updatedAt: req.now,
      updatedBy: req.actor.id,
      version: current + 1,
    };
    if (row) {
      await tx.update(serviceGovernance).set(values).where(eq(serviceGovernance.serviceId, req.serviceId));
    } else {
      const inserted = await tx
        .insert(serviceGovernance)
        .values({ serviceId: req.serviceId, ...values })
        .onConflictDoNothing()
        .returning({ v: serviceGovernance.version });
      if (inserted.length === 0) {
        throw new ApiError(
          409,
          'stale_version',
          `The governance of ${req.serviceId} was just decided by someone else.`,
          {
            details: { currentVersion: 1, yourVersion: input.version },
          },
        );
      }
    }
    const after = governanceView(req.serviceId, { serviceId: req.serviceId, ...values }, defaultStatus);
    const reason = input.reason ?? `status set to ${input.status}`;
    const decisionId = await recordDecision(tx, {
      decision: 'govern',
      subject: { type: 'service', id: req.serviceId, version: input.version },
      ruleId: 'service-governance',
      reason,
      policySnapshotId: active,
      actor: req.actor,
      at: req.now,
      details: { params, before: { status: before.status, decided: before.decided }, newVersion: current + 1 },
      idempotencyKey: key,
    });
    await audit.append(
      {
        actor: req.actor,
        action: 'governance.update',
        target: { type: 'service', id: req.serviceId },
        outcome: 'success',
        details: { decisionId, reason, before, after },
        requestId: req.requestId ?? null,
      },
      tx,
    );
    return { idempotent: false, decisionId };
  });
}
