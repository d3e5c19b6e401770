import type { Detector } from '../../types.ts';
import { isMixedAlnum } from './validators.ts';

const HEX_MIX = (value: string) => /[a-f]/.test(value) && /[0-9]/.test(value);

export const ciDetectors: Detector[] = [
  {
    id: 'circleci-personal-token',
    name: 'CircleCI personal API token',
    category: 'secret',
    description: 'CircleCI personal API token (current format): `CCIPAT_` followed by 40-80 characters.',
    trigger: { keywords: ['CCIPAT_'] },
    pattern: /(?<![A-Za-z0-9])CCIPAT_[A-Za-z0-9_]{40,80}(?![A-Za-z0-9_])/g,
    confidence: 'high',
    examples: {
      positive: [
        'CIRCLECI_TOKEN=CCIPAT_HLe4bSrjTzUVuieKuKZPeT_e5b7ccce0fbc892809a60a545586c7eb8b4dd6d0',
        'curl https://circleci.com/api/v2/me -H "Circle-Token: CCIPAT_MSgA7m2TENNePifQ0SFKlq_a431ebc7a1b47aa47aa9c04fa3b4b55bb480d4ff"',
      ],
      negative: ['CIRCLECI_TOKEN=CCIPAT_abc', 'CIRCLECI_TOKEN=CCIPAT_<token>'],
    },
  },
  {
    id: 'circleci-project-token',
    name: 'CircleCI project API token',
    category: 'secret',
    description: 'CircleCI project API token (current format): `CCIPRJ_` followed by 40-80 characters.',
    trigger: { keywords: ['CCIPRJ_'] },
    pattern: /(?<![A-Za-z0-9])CCIPRJ_[A-Za-z0-9_]{40,80}(?![A-Za-z0-9_])/g,
    confidence: 'high',
    examples: {
      positive: [
        'CIRCLE_PROJECT_TOKEN=CCIPRJ_Zju0ueVn9zKwlrCMA7mmr9_2b8e95a928aa1231dfb4ea69a006f770fe87019b',
        'Circle-Token: CCIPRJ_LiS6m0GO2SiUmQCu08Wi3t_4cca4515e3a9a2803a3ce8ad675364d70c2fb277',
      ],
      negative: ['CIRCLE_PROJECT_TOKEN=CCIPRJ_abc', 'CIRCLE_PROJECT_TOKEN=CCIPRJ_…'],
    },
  },
  {
    id: 'circleci-legacy-token',
    name: 'CircleCI API token (legacy)',
    category: 'secret',
    description:
      'CircleCI API token in the legacy format: 40 hex characters; no prefix, so it requires a CircleCI context word.',
    trigger: { keywords: ['circleci', 'circle-token', 'circle_token'] },
    pattern: /(?<![A-Za-z0-9_+/-])[a-f0-9]{40}(?![A-Za-z0-9_+/=-])/g,
    confidence: 'low',
    validate: HEX_MIX,
    context: ['circle-token', 'circle_token', 'circleci_token', 'circleci token', 'circleci_api_token'],
    requiresContext: true,
    examples: {
      positive: [
        'CIRCLECI_TOKEN=e8409ffe8bca1f41e2864d73e6e70f1c5716e228',
        'curl https://circleci.com/api/v2/me -H "Circle-Token: e07494ada750884f63518dc3dd90359906492370"',
      ],
      negative: [
        'CIRCLECI_TOKEN=e607fecee2bb31e1b385906d6480991055002',
        'circleci build sha 9fceb02d0ae598e95dc970b74767f19372d61af8',
      ],
    },
  },
  {
    id: 'buildkite-api-token',
    name: 'Buildkite API access token',
    category: 'secret',
    description: 'Buildkite API access token: `bkua_` followed by 40 hex characters.',
    trigger: { keywords: ['bkua_'] },
    pattern: /(?<![A-Za-z0-9])bkua_[a-f0-9]{40}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'BUILDKITE_API_TOKEN=bkua_cea38d4837303d026f6cd65440ba8a60e8440e40',
        'curl -H "Authorization: Bearer bkua_3dc493d2591a4b1f0ad95a6da873121efa662607" https://api.buildkite.com/v2/user',
      ],
      negative: ['BUILDKITE_API_TOKEN=bkua_abc', 'BUILDKITE_API_TOKEN=bkua_3679260577bd0e9212361bcd0f67d31ca4ff8'],
    },
  },
  {
    id: 'travis-ci-token',
    name: 'Travis CI API token',
    category: 'secret',
    description:
      'Travis CI API token: 22 URL-safe characters with mixed case and digits; no prefix, so it requires a Travis context word.',
    trigger: { keywords: ['travis'] },
    pattern: /(?<![A-Za-z0-9_+/-])[A-Za-z0-9_-]{22}(?![A-Za-z0-9_+/=-])/g,
    confidence: 'low',
    validate: isMixedAlnum,
    context: ['travis_token', 'travis_api_token', 'travis token', 'travis-api-token', 'travis login'],
    requiresContext: true,
    examples: {
      positive: ['TRAVIS_TOKEN=5sMYks1J6w1akOUvzxZSwM', 'travis login --pro --api-token TNKFSezw7x0oCW7OVY2OEI'],
      negative: ['TRAVIS_TOKEN=4sMT8VauewUOETTNqoN', 'travis job travis-ci-build-matrix'],
    },
  },
  {
    id: 'jenkins-api-token',
    name: 'Jenkins API token',
    category: 'secret',
    description:
      'Jenkins user API token: `11` followed by 32 hex characters; no distinctive prefix, so it requires a Jenkins context word.',
    trigger: { keywords: ['jenkins'] },
    pattern: /(?<![A-Za-z0-9])11[a-f0-9]{32}(?![A-Za-z0-9])/g,
    confidence: 'low',
    validate: HEX_MIX,
    context: ['jenkins'],
    requiresContext: true,
    examples: {
      positive: [
        'JENKINS_API_TOKEN=1103d4414d7233e20eb5fc6aa55e1bbe30',
        'curl -u deploy:112325b4262416010758723a66fcfe9c04 https://jenkins.acme.io/job/web/build',
      ],
      negative: ['JENKINS_API_TOKEN=11abc', 'JENKINS_API_TOKEN=11bb62d97b59c287b567a94c3321b05'],
    },
  },
  {
    id: 'sonarqube-token',
    name: 'SonarQube / SonarCloud token',
    category: 'secret',
    description:
      'SonarQube token: `squ_` (user), `sqp_` (project analysis) or `sqa_` (global analysis) followed by 40 hex characters.',
    trigger: { keywords: ['squ_', 'sqp_', 'sqa_'] },
    pattern: /(?<![A-Za-z0-9])sq[upa]_[a-f0-9]{40}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'SONAR_TOKEN=sqa_54ad3d058c8c5c8faf0a8e5bf6b8d1135744f5de',
        'mvn sonar:sonar -Dsonar.host.url=https://sonar.acme.io -Dsonar.token=sqa_54882b89624e32f43c76ef640cda7e95737ebc71',
      ],
      negative: ['SONAR_TOKEN=squ_abc', 'SONAR_TOKEN=sqa_6e8550059873895d85970797f5452daedb42f'],
    },
  },
];
