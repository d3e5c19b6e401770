import {
  assertSafeBaseUrl,
  type ConnectorDefinition,
  ConnectorError,
  classifyProblem,
  type HostLookup,
  type SyncProgress,
} from '@sightline/connectors';
import type { Clock } from '../clock.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../http/logger.ts';
import { commitBatch } from './commit-batch.ts';
import { baseUrlOf } from './config.ts';
import { claimLease, LeaseLostError, releaseLease, renewLease } from './lease.ts';
import { failStaleRuns, finishRun, getRun, heartbeatRun, isCancelRequested, type RunRow, startRun } from './runs.ts';
import { type ConnectorRow, fullConfig } from './store.ts';

/** An admin cancelled the run. */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

/** This replica is shutting down; the run is given up and resumes elsewhere from the committed cursor. */
export class ShutdownError extends Error {
  override name = 'ShutdownError';
}

export interface RunnerOptions {
  db: Db;
  clock: Clock;
  box: SecretBox;
  logger: Logger;
  definitionOf(type: string): ConnectorDefinition | undefined;
  /** Unique per process, e.g. `host:pid:random`. */
  owner: string;
  /** How long a lease lasts without renewal; default 2 min. */
  leaseMs?: number;
  /** How often the lease is renewed and the cancel flag read; default 15 s. */
  heartbeatMs?: number;
  lookup?: HostLookup;
  maxRetries?: number;
}

export interface ConnectorRunner {
  owner: string;
  /** Claims the lease and runs one sync to its end; null when another replica (or this one) holds the lease. */
  run(connectorId: string, trigger: string): Promise<RunRow | null>;
  /** Starts `run` in the background (tracked by `drain`). */
  start(connectorId: string, trigger: string): void;
  isRunning(connectorId: string): boolean;
  /** Syncs running in this process. */
  activeCount(): number;
  /** Resolves when every run started here has ended. */
  drain(): Promise<void>;
  /** Aborts every local run (they end as failed and resume elsewhere) and waits for them. */
  stop(): Promise<void>;
}

type Outcome = { status: 'succeeded' | 'failed' | 'cancelled'; error: Record<string, unknown> | null };

function outcomeOf(reason: unknown, label: string): Outcome {
  if (reason instanceof CancelledError)
    return { status: 'cancelled', error: { message: 'Cancelled by an administrator.' } };
  if (reason instanceof ShutdownError || reason instanceof LeaseLostError) {
    return { status: 'failed', error: { problem: 'unexpected', message: reason.message } };
  }
  const c =
    reason instanceof ConnectorError
      ? { problem: reason.problem, message: reason.message }
      : classifyProblem(reason, { label });
  return { status: 'failed', error: { problem: c.problem, message: c.message } };
}

/** Builds the runner: lease, run record, heartbeat, sync with atomic batch commits, outcome. */
export function createConnectorRunner(o: RunnerOptions): ConnectorRunner {
  const leaseMs = o.leaseMs ?? 120_000;
  const heartbeatMs = o.heartbeatMs ?? 15_000;
  const active = new Map<string, AbortController>();
  const pending = new Set<Promise<unknown>>();

  async function execute(run: RunRow, row: ConnectorRow, controller: AbortController) {
    const definition = o.definitionOf(row.type);
    let progress: SyncProgress = { phase: 'starting', pages: 0, items: 0 };
    let beating = false;
    const beat = async () => {
      if (beating || controller.signal.aborted) return;
      beating = true;
      try {
        const now = o.clock();
        if (!(await renewLease(o.db, row.id, o.owner, now, leaseMs))) {
          controller.abort(new LeaseLostError('The connector lease was lost (deleted, or taken over after a stall).'));
          return;
        }
        const current = await heartbeatRun(o.db, run.id, now, progress);
        if (!current) controller.abort(new LeaseLostError('The run was ended by another server (stale heartbeat).'));
        else if (isCancelRequested(current)) controller.abort(new CancelledError('Cancelled by an administrator.'));
      } catch (err) {
        o.logger.warn({ err, connectorId: row.id }, 'connector heartbeat failed');
      } finally {
        beating = false;
      }
    };
    const timer = setInterval(() => void beat(), heartbeatMs);
    timer.unref?.();
    const label = definition?.label ?? row.type;
    try {
      if (!definition) throw new ConnectorError('unexpected', `This server has no ${row.type} connector.`);
      const config = fullConfig(o, definition, row);
      const baseUrl = baseUrlOf(definition, config);
      if (baseUrl !== undefined) {
        await assertSafeBaseUrl(baseUrl, {
          vendorHosts: definition.vendorHosts,
          allowCustomHost: row.allowCustomHost,
          lookup: o.lookup,
        });
      }
      const instance = definition.create(config, {
        allowCustomHost: row.allowCustomHost,
        now: o.clock,
        maxRetries: o.maxRetries,
      });
      const summary = await instance.sync({
        cursor: row.cursor ?? null,
        signal: controller.signal,
        progress: (p) => {
          progress = p;
        },
        emit: async (batch) => {
          controller.signal.throwIfAborted();
          try {
            await commitBatch(
              o.db,
              o.clock,
              { connectorId: row.id, source: row.type, owner: o.owner, runId: run.id },
              batch,
            );
          } catch (err) {
            if (err instanceof LeaseLostError) controller.abort(err);
            throw err;
          }
        },
      });
      controller.signal.throwIfAborted();
      return { outcome: { status: 'succeeded', error: null } as Outcome, summary };
    } catch (err) {
      const reason = controller.signal.aborted ? controller.signal.reason : err;
      const outcome = outcomeOf(reason, label);
      if (outcome.status === 'failed')
        o.logger.warn({ err: reason, connectorId: row.id, runId: run.id }, 'connector sync failed');
      return { outcome, summary: undefined, reason };
    } finally {
      clearInterval(timer);
    }
  }

  let stopped = false;

  async function run(connectorId: string, trigger: string): Promise<RunRow | null> {
    if (stopped || active.has(connectorId)) return null;
    const controller = new AbortController();
    active.set(connectorId, controller);
    try {
      return await claimAndRun(connectorId, trigger, controller);
    } finally {
      active.delete(connectorId);
    }
  }

  async function claimAndRun(connectorId: string, trigger: string, controller: AbortController) {
    const now = o.clock();
    const row = await claimLease(o.db, connectorId, o.owner, now, leaseMs);
    if (!row) return null;
    // We hold the lease, so any run still marked running belongs to an owner whose lease expired: it died.
    await failStaleRuns(o.db, new Date(now.getTime() + 1), now, connectorId);
    const runRow = await startRun(o.db, connectorId, o.owner, trigger, now);
    const { outcome, summary, reason } = await execute(runRow, row, controller);
    const at = o.clock();
    await finishRun(o.db, runRow.id, {
      status: outcome.status,
      at,
      error: outcome.error,
      ...(summary ? { pages: summary.pages, items: summary.items, counts: summary.counts } : {}),
    });
    if (!(reason instanceof LeaseLostError)) {
      const retrySoon = reason instanceof ShutdownError;
      const nextRunAt = new Date(at.getTime() + (retrySoon ? 0 : row.intervalMinutes * 60_000));
      await releaseLease(o.db, connectorId, o.owner, { status: outcome.status, at, nextRunAt });
    }
    return (await getRun(o.db, runRow.id)) ?? runRow;
  }

  return {
    owner: o.owner,
    run,
    start(connectorId, trigger) {
      const p: Promise<unknown> = run(connectorId, trigger)
        .catch((err) => o.logger.error({ err, connectorId }, 'connector run failed'))
        .finally(() => pending.delete(p));
      pending.add(p);
    },
    isRunning: (connectorId) => active.has(connectorId),
    activeCount: () => active.size,
    async drain() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async stop() {
      stopped = true;
      for (const c of active.values())
        c.abort(
          new ShutdownError('This server is shutting down; the next run resumes from the last committed cursor.'),
        );
      await this.drain();
    },
  };
}
