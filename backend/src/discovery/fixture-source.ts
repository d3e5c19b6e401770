import type { ObservationInput, ObservationSink, ReportResult } from './observations.ts';

/**
 * A source for tests and demos that reports given observations through the same sink as the connectors
 * (source name `fixture` unless set), so discovery can be exercised without any vendor API.
 */
export function createFixtureSource(sink: ObservationSink, source = 'fixture') {
  return {
    report(items: readonly Omit<ObservationInput, 'source'>[]): Promise<ReportResult> {
      return sink.report(items.map((o) => ({ ...o, source })));
    },
  };
}
