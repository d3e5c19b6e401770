import { z } from '@hono/zod-openapi';
import { type AssetInput, dryRun, type EventInput } from '@sightline/policies';
import type { AppDeps } from '../deps.ts';
import { currentInputs } from '../discovery/current-inputs.ts';
import { getDiscoverySettings } from '../discovery/settings.ts';
import { invalidPolicy } from './invalid-policy.ts';
import { activePolicySet, activePolicyVersion, compileTexts } from './store.ts';

const subject = z.object({ id: z.string().min(1).max(200) }).catchall(z.unknown());

/** A draft (any document left out is taken from the active version) and optional sample subjects. */
export const dryRunRequestSchema = z.strictObject({
  classification: z.string().min(1).max(200_000).optional(),
  exposure: z.string().min(1).max(200_000).optional(),
  dlpActions: z.string().min(1).max(200_000).optional(),
  samples: z
    .strictObject({
      assets: z.array(subject).max(1000).default([]),
      events: z.array(subject).max(1000).default([]),
      now: z.iso.datetime({ offset: true }).optional(),
    })
    .optional(),
});
export type DryRunRequest = z.infer<typeof dryRunRequestSchema>;

/**
 * Compiles the draft (400 with located problems when invalid) and compares it with the active set: over the
 * sample input given, and over current data (every asset with signals and every DLP rollup of the window).
 */
export async function dryRunDraft(deps: AppDeps, body: DryRunRequest) {
  const { db } = deps.database;
  const active = await activePolicyVersion(db, deps.clock);
  const texts = {
    classification: body.classification ?? active.documents.classification,
    exposure: body.exposure ?? active.documents.exposure,
    dlpActions: body.dlpActions ?? active.documents.dlpActions,
  };
  const draft = compileTexts(texts);
  if (!draft.ok) invalidPolicy(draft.errors, draft.warnings);
  const current = await activePolicySet(db, deps.clock);
  const now = deps.clock();
  const samples = body.samples
    ? dryRun({
        draft: draft.set,
        current,
        samples: {
          assets: body.samples.assets as AssetInput[],
          events: body.samples.events as EventInput[],
          now: body.samples.now ?? now.toISOString(),
        },
      })
    : null;
  const { lookbackDays } = await getDiscoverySettings(db);
  const inputs = await currentInputs(db, { now, lookbackDays });
  const data = dryRun({ draft: draft.set, current, samples: { assets: inputs.assets, events: inputs.events, now } });
  return {
    current: { snapshotId: current.snapshotId },
    draft: { snapshotId: draft.set.snapshotId, warnings: draft.warnings },
    samples,
    currentData: { assets: inputs.assets.length, events: inputs.events.length, lookbackDays, report: data },
  };
}
