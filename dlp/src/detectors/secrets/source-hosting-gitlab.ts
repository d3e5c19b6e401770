import type { Detector } from '../../types.ts';

/**
 * GitLab tokens: a documented prefix followed by at least 20 URL-safe characters. Newer routable tokens add
 * dot-separated parts, so dots are allowed inside the body but not at its end.
 */
function gitlabToken(prefix: string, id: string, name: string, positive: string[], negative: string[]): Detector {
  return {
    id,
    name,
    category: 'secret',
    description: `${name}: the \`${prefix}\` prefix followed by 20-100 URL-safe characters.`,
    trigger: { keywords: [prefix] },
    pattern: new RegExp(`(?<![A-Za-z0-9])${prefix}[A-Za-z0-9_.-]{19,99}[A-Za-z0-9_-](?![A-Za-z0-9_-])`, 'g'),
    confidence: 'high',
    examples: { positive, negative },
  };
}

export const gitlabDetectors: Detector[] = [
  gitlabToken(
    'glpat-',
    'gitlab-pat',
    'GitLab personal access token',
    [
      'export GITLAB_TOKEN=glpat-Vi9E3IIfSTdByXQw4HZj',
      'curl --header "PRIVATE-TOKEN: glpat-B94UEYeuO8fKnl1sIrrC" https://gitlab.acme.io/api/v4/projects',
    ],
    ['GITLAB_TOKEN=glpat-abc123', 'PRIVATE-TOKEN: glpat-<personal access token>'],
  ),
  gitlabToken(
    'gldt-',
    'gitlab-deploy-token',
    'GitLab deploy token',
    [
      'docker login registry.gitlab.com -u deployer -p gldt-n-BAv3iDTIfG02Rjxdp2',
      'CI_DEPLOY_PASSWORD=gldt-HEk7H-mLmsbvSE4ifyoz',
    ],
    ['CI_DEPLOY_PASSWORD=gldt-short', 'CI_DEPLOY_PASSWORD=gldt-…'],
  ),
  gitlabToken(
    'glrt-',
    'gitlab-runner-auth-token',
    'GitLab runner authentication token',
    [
      '[[runners]]\n  url = "https://gitlab.com"\n  token = "glrt-5BIP25KSqDaJFiFPWVua"',
      'gitlab-runner register --token glrt-Y64vUu-7AGltrVZwq03z',
    ],
    ['token = "glrt-1234"', 'token = "glrt-"'],
  ),
  gitlabToken(
    'glptt-',
    'gitlab-pipeline-trigger-token',
    'GitLab pipeline trigger token',
    [
      'curl -X POST -F token=glptt-47f8b6b2067323cc9c4884898e54e0e6b0e6d0af -F ref=main https://gitlab.com/api/v4/projects/42/trigger/pipeline',
      'TRIGGER_TOKEN: glptt-d1547ff5c5bb0c0485c282d9be37e2679a5016d8',
    ],
    ['TRIGGER_TOKEN: glptt-0a1b2c', 'TRIGGER_TOKEN: glptt-$TOKEN'],
  ),
  gitlabToken(
    'GR1348941',
    'gitlab-runner-registration-token',
    'GitLab runner registration token',
    [
      'gitlab-runner register --registration-token GR1348941Ozuaehbb_SIcIe_Ng5z0',
      'REGISTRATION_TOKEN=GR1348941prF7UH5QgWLsWLcY86ej',
    ],
    ['REGISTRATION_TOKEN=GR1348941abc', 'build GR1348941 finished'],
  ),
  gitlabToken(
    'glcbt-',
    'gitlab-ci-build-token',
    'GitLab CI/CD job token',
    [
      'CI_JOB_TOKEN=glcbt-IANAhzQd1k47BOzHiVOB',
      'curl --header "JOB-TOKEN: glcbt-ub84SgPBocykLW1mdpCf" "$CI_API_V4_URL/projects"',
    ],
    ['CI_JOB_TOKEN=glcbt-64_', 'JOB-TOKEN: glcbt-$CI_JOB_TOKEN'],
  ),
  gitlabToken(
    'gloas-',
    'gitlab-oauth-app-secret',
    'GitLab OAuth application secret',
    [
      'GITLAB_OAUTH_SECRET=gloas-50d5428954ccac06a5ab64000feca9b0752117e3a383978917c610bbcdc8993a',
      'client_secret: "gloas-52319d39ae190186bd938b75bd81d69aad87b95df9b644662acf719dc0d1338f"',
    ],
    ['client_secret: "gloas-9f8e7d"', 'client_secret: gloas-'],
  ),
  gitlabToken(
    'glimt-',
    'gitlab-incoming-mail-token',
    'GitLab incoming e-mail token',
    ['incoming_email_token: glimt-ebl8fno5vmsm82m3vjfe5j052', 'mail token: glimt-wxvxkorm7plm52hwy5ha32ape'],
    ['mail token: glimt-7', 'mail token: glimt-…'],
  ),
  gitlabToken(
    'glagent-',
    'gitlab-agent-token',
    'GitLab agent for Kubernetes token',
    [
      'helm upgrade --install gitlab-agent gitlab/gitlab-agent --set config.token=glagent-2O8_hNZS7OPIchSufFGQqXxKj61lJwM9qEHTkJxzsyhTFbqs0U',
      'AGENT_TOKEN=glagent-HVP49-9YNohbUhlJ4qccDOeQzyx5qN7ezPiMJc9zN8q-YPXCAl',
    ],
    ['AGENT_TOKEN=glagent-abc', 'AGENT_TOKEN=glagent-'],
  ),
  gitlabToken(
    'glft-',
    'gitlab-feed-token',
    'GitLab feed token',
    [
      'https://gitlab.com/dashboard/issues.atom?feed_token=glft-x8ww0rQEbDOGc8NHII7_',
      'feed_token: glft-FO-p4nFsIjyODZYBudwX',
    ],
    ['feed_token: glft-1', 'feed_token: glft-…'],
  ),
  gitlabToken(
    'glsoat-',
    'gitlab-scim-token',
    'GitLab SCIM OAuth access token',
    [
      'SCIM token for Okta provisioning: glsoat-g0iHhHBtscmhGbY114hu',
      'Authorization: Bearer glsoat-VbbKLD1QuyiLBJ-NuxBB',
    ],
    ['Authorization: Bearer glsoat-9x', 'glsoat- tokens rotate yearly'],
  ),
  gitlabToken(
    'glffct-',
    'gitlab-feature-flag-client-token',
    'GitLab feature flags client token',
    ['UNLEASH_INSTANCE_ID=glffct-QaeNbRRXBuwMubdRpKYZ', 'instanceId: "glffct-2V-0dOIYBpr7lyqMn4Cu"'],
    ['instanceId: "glffct-12"', 'instanceId: "glffct-"'],
  ),
];
