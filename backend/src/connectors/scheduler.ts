import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { type ConnectorDefinition, connectorDefinition, type HostLookup } from '@sightline/connectors';
import type { AppDeps } from '../deps.ts';
import { dueConnectors } from './lease.ts';
import { type ConnectorRunner, createConnectorRunner, type RunnerOptions } from './runner.ts';
import { failStaleRuns } from './runs.ts';

export interface ConnectorRuntime {
  definitionOf(type: string): ConnectorDefinition | undefined;
  lookup?: HostLookup;
  runner: ConnectorRunner;
  /** Fails runs whose owner died, then starts due connectors in the background (at most `maxConcurrent` here). */
  tick(): Promise<number>;
  /** Runs `tick` every `intervalMs` until `stop`. */
  startLoop(intervalMs: number): void;
  /** Stops the loop, aborts local runs (they resume elsewhere) and waits for them. */
  stop(): Promise<void>;
}

export interface RuntimeOptions extends Partial<Omit<RunnerOptions, 'db' | 'clock' | 'box' | 'logger'>> {
  /** Local concurrent syncs per replica; default 4. */
  maxConcurrent?: number;
  /** A run whose heartbeat is older than this is failed as abandoned; default one lease length. */
  staleMs?: number;
}

/** A process-unique lease owner id. */
export const defaultOwner = () => `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/** Builds the runner and the scheduler loop for one backend replica. */
export function createConnectorRuntime(
  deps: Pick<AppDeps, 'database' | 'clock' | 'box' | 'logger'>,
  options: RuntimeOptions = {},
): ConnectorRuntime {
  const definitionOf = options.definitionOf ?? connectorDefinition;
  const leaseMs = options.leaseMs ?? 120_000;
  const staleMs = options.staleMs ?? leaseMs;
  const maxConcurrent = options.maxConcurrent ?? 4;
  const { db } = deps.database;
  const runner = createConnectorRunner({
    ...options,
    db,
    clock: deps.clock,
    box: deps.box,
    logger: deps.logger,
    definitionOf,
    owner: options.owner ?? defaultOwner(),
    leaseMs,
  });
  let timer: ReturnType<typeof setInterval> | undefined;
  let ticking = false;

  const tick = async () => {
    if (ticking) return 0;
    ticking = true;
    try {
      const now = deps.clock();
      await failStaleRuns(db, new Date(now.getTime() - staleMs), now);
      const due = await dueConnectors(db, now, maxConcurrent * 2);
      let started = 0;
      for (const id of due) {
        if (runner.activeCount() >= maxConcurrent) break;
        if (runner.isRunning(id)) continue;
        started++;
        runner.start(id, 'schedule');
      }
      return started;
    } finally {
      ticking = false;
    }
  };

  return {
    definitionOf,
    lookup: options.lookup,
    runner,
    tick,
    startLoop(intervalMs) {
      timer = setInterval(
        () => void tick().catch((err) => deps.logger.error({ err }, 'connector scheduler tick failed')),
        intervalMs,
      );
      timer.unref?.();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await runner.stop();
    },
  };
}
