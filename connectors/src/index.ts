/**
 * The connectors package: the contract (`types.ts`), the shared helpers every vendor uses (safe base URLs,
 * retries, rate-limit headers, problem classification) and the registry of connector definitions.
 */
import { entraConnector } from '../entra/index.ts';
import { githubConnector } from '../github/index.ts';
import { googleConnector } from '../google/index.ts';
import { oktaConnector } from '../okta/index.ts';
import { slackConnector } from '../slack/index.ts';
import type { ConnectorDefinition, ConnectorType } from './types.ts';

export * from './error-info.ts';
export * from './ip-ranges.ts';
export * from './mock-server-types.ts';
export * from './problems.ts';
export * from './rate-limit.ts';
export * from './retry.ts';
export * from './safe-url.ts';
export * from './types.ts';

/** Every connector type this build ships, by type. */
export const connectorDefinitions: Record<ConnectorType, ConnectorDefinition> = {
  okta: oktaConnector as ConnectorDefinition,
  entra: entraConnector as ConnectorDefinition,
  google: googleConnector as ConnectorDefinition,
  github: githubConnector as ConnectorDefinition,
  slack: slackConnector as ConnectorDefinition,
};

/** The definition of `type`, or undefined when this build does not ship it. */
export function connectorDefinition(type: string): ConnectorDefinition | undefined {
  return Object.hasOwn(connectorDefinitions, type) ? connectorDefinitions[type as ConnectorType] : undefined;
}
