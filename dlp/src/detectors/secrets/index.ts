import type { Detector } from '../../types.ts';
import { aiPlatformDetectors } from './ai-platforms.ts';
import { aiProviderDetectors } from './ai-providers.ts';
import { atlassianDetectors } from './atlassian.ts';
import { ciDetectors } from './ci.ts';
import { awsDetectors } from './cloud-aws.ts';
import { azureDetectors } from './cloud-azure.ts';
import { googleCloudDetectors } from './cloud-google.ts';
import { cloudOtherDetectors } from './cloud-other.ts';
import { commerceDetectors } from './commerce.ts';
import { databaseDetectors } from './databases.ts';
import { chatDetectors } from './messaging-chat.ts';
import { emailDetectors } from './messaging-email.ts';
import { slackDetectors } from './messaging-slack.ts';
import { monitoringDetectors } from './monitoring.ts';
import { observabilityDetectors } from './observability.ts';
import { paymentDetectors } from './payments.ts';
import { platformDetectors } from './platforms.ts';
import { registryDetectors } from './registries.ts';
import { saasDetectors } from './saas.ts';
import { saasDevDetectors } from './saas-dev.ts';
import { secretsManagerDetectors } from './secrets-managers.ts';
import { githubDetectors } from './source-hosting-github.ts';
import { gitlabDetectors } from './source-hosting-gitlab.ts';

/** Provider secret formats, grouped by family (file). */
export const secretDetectorFamilies: Readonly<Record<string, readonly Detector[]>> = {
  cloud: [...awsDetectors, ...googleCloudDetectors, ...azureDetectors, ...cloudOtherDetectors],
  'source-hosting': [...githubDetectors, ...gitlabDetectors, ...atlassianDetectors],
  ci: ciDetectors,
  registries: registryDetectors,
  payments: [...paymentDetectors, ...commerceDetectors],
  messaging: [...slackDetectors, ...chatDetectors, ...emailDetectors],
  ai: [...aiProviderDetectors, ...aiPlatformDetectors],
  observability: [...observabilityDetectors, ...monitoringDetectors],
  databases: databaseDetectors,
  'platforms-and-secret-managers': [...platformDetectors, ...secretsManagerDetectors],
  saas: [...saasDetectors, ...saasDevDetectors],
};

/** Every provider secret-format detector (category `secret`). */
export const secretDetectors: Detector[] = Object.values(secretDetectorFamilies).flat();

export { secretGenerators } from './generators.ts';
