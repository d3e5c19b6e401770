import { readDefaultPolicies } from '@sightline/policies/node';
import { and, asc, eq, gt, gte, inArray, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { decisions, policyVersions } from '../db/schema.ts';
import { decisionView } from '../findings/finding-detail.ts';
import { defaultPolicySnapshotId } from './policy-snapshot.ts';

const PAGE = 1000;

/**
 * Streams the evidence of a time range as one JSON document: the decisions made in [from, to) in time order,
 * then the policy snapshots they cite (stored versions, or the shipped defaults) with their documents.
 * Decisions are read in pages so a large range never sits in memory at once.
 */
export function evidenceExportStream(
  db: Db,
  range: { from: Date; to: Date; generatedAt: Date },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (s: string) => controller.enqueue(encoder.encode(s));
      try {
        write(
          `{"format":"sightline-evidence-v1","generatedAt":${JSON.stringify(range.generatedAt.toISOString())},"from":${JSON.stringify(range.from.toISOString())},"to":${JSON.stringify(range.to.toISOString())},"decisions":[`,
        );
        const snapshots = new Set<string>();
        let after: { at: Date; id: string } | undefined;
        let first = true;
        let total = 0;
        for (;;) {
          const page = await db
            .select()
            .from(decisions)
            .where(
              and(
                gte(decisions.at, range.from),
                lt(decisions.at, range.to),
                after
                  ? or(gt(decisions.at, after.at), and(eq(decisions.at, after.at), gt(decisions.id, after.id)))
                  : undefined,
              ),
            )
            .orderBy(asc(decisions.at), asc(decisions.id))
            .limit(PAGE);
          for (const d of page) {
            if (d.policySnapshotId) snapshots.add(d.policySnapshotId);
            write(`${first ? '' : ','}${JSON.stringify(decisionView(d))}`);
            first = false;
          }
          total += page.length;
          if (page.length < PAGE) break;
          const last = page.at(-1)!;
          after = { at: last.at, id: last.id };
        }
        write(
          `],"decisionCount":${total},"policySnapshots":${JSON.stringify(await policySnapshots(db, [...snapshots]))}}`,
        );
        controller.close();
      } catch (err) {
        controller.error(err);
      }
    },
  });
}

async function policySnapshots(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  const stored = await db.select().from(policyVersions).where(inArray(policyVersions.snapshotId, ids));
  const out: {
    snapshotId: string;
    source: string;
    createdAt: string | null;
    note: string | null;
    documents: string[];
  }[] = stored.map((p) => ({
    snapshotId: p.snapshotId,
    source: 'stored',
    createdAt: p.createdAt.toISOString(),
    note: p.note,
    documents: p.documents,
  }));
  const known = new Set(out.map((s) => s.snapshotId));
  for (const id of ids) {
    if (known.has(id)) continue;
    if (id === defaultPolicySnapshotId()) {
      out.push({
        snapshotId: id,
        source: 'shipped defaults',
        createdAt: null,
        note: null,
        documents: readDefaultPolicies().map((f) => f.text),
      });
    } else {
      out.push({
        snapshotId: id,
        source: 'unknown',
        createdAt: null,
        note: 'no stored policy version has this id',
        documents: [],
      });
    }
  }
  return out.sort((a, b) => a.snapshotId.localeCompare(b.snapshotId));
}
