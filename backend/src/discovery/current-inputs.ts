import type { AssetInput, EventInput } from '@sightline/policies';
import { gt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type AssetState, aiAssets } from '../db/schema.ts';
import { assetKeyOfService, type DlpRollup, dlpRollups } from './dlp-rollups.ts';
import {
  assetPolicyInput,
  describeAssetKey,
  type GovernanceView,
  governanceOf,
  loadGovernance,
} from './policy-input.ts';

type AssetRow = typeof aiAssets.$inferSelect;

/** The policies' input over current data: every asset and every DLP event rollup of the window. */
export interface CurrentInputs {
  assets: AssetInput[];
  events: EventInput[];
  assetRows: AssetRow[];
  rollups: DlpRollup[];
  governance: GovernanceView;
  /** Asset row per event id (`<serviceKey>:<accountType>:<category>`), when the asset exists. */
  assetOfEvent: Map<string, AssetRow>;
}

/** The id of a DLP event rollup, e.g. `chatgpt:personal:secret`. */
export const eventIdOf = (r: DlpRollup) => `${r.serviceKey}:${r.accountType}:${r.category}`;

/**
 * Reads the assets and DLP rollups and maps them to the policies' `asset` and `event` inputs. `states` overrides
 * an asset's state (the recompute passes the state the asset is settling into).
 */
export async function currentInputs(
  db: Db,
  options: { now: Date; lookbackDays: number; states?: Map<string, AssetState> },
): Promise<CurrentInputs> {
  const [assetRows, rollups, governance] = await Promise.all([
    // Tier 0: nothing of it is left in the window; it is not evaluated, so its findings resolve.
    db.select().from(aiAssets).where(gt(aiAssets.tier, 0)),
    dlpRollups(db, options),
    loadGovernance(db),
  ]);
  const byKey = new Map(assetRows.map((a) => [a.assetKey, a]));
  const assets = assetRows.map((row) => assetPolicyInput(row, governance, options.states?.get(row.id) ?? row.state));
  const assetOfEvent = new Map<string, AssetRow>();
  const events = rollups.map((r): EventInput => {
    const id = eventIdOf(r);
    const key = assetKeyOfService(r.serviceKey);
    const asset = byKey.get(key);
    if (asset) assetOfEvent.set(id, asset);
    const desc = describeAssetKey(key, asset?.name ?? null);
    const gov = governanceOf(governance, { serviceId: desc.serviceId, assetKey: key });
    const input: EventInput = {
      id,
      serviceName: asset?.name ?? desc.name,
      status: gov.status,
      accountType: r.accountType,
      category: r.category,
      detectors: r.detectors,
      maxConfidence: r.maxConfidence,
      events: r.events,
      people: r.people,
      sent: r.sent,
      allowed: r.allowed,
      warned: r.warned,
      proceeded: r.proceeded,
      redacted: r.redacted,
      blocked: r.blocked,
      windowDays: options.lookbackDays,
      firstSeen: r.firstSeen,
      lastSeen: r.lastSeen,
    };
    if (desc.serviceId) input.serviceId = desc.serviceId;
    return input;
  });
  return { assets, events, assetRows, rollups, governance, assetOfEvent };
}
