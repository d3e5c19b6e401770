import type { Detector } from '../../types.ts';
import { verifyBase62Crc32Token } from './checksums.ts';

export const registryDetectors: Detector[] = [
  {
    id: 'npm-access-token',
    name: 'npm access token',
    category: 'secret',
    description:
      'npm access token: `npm_` + 30 base62 characters + a 6-character base62 CRC-32 checksum (the GitHub token scheme), verified.',
    trigger: { keywords: ['npm_'] },
    pattern: /(?<![A-Za-z0-9])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g,
    confidence: 'high',
    validate: (value) => verifyBase62Crc32Token(value, 4),
    examples: {
      positive: [
        '//registry.npmjs.org/:_authToken=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',
        'NPM_TOKEN=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 npm publish --access public',
      ],
      negative: ['NPM_TOKEN=npm_xRYs09r0N1BZMFgEQJn3xh5yn3Xswx2XTTM2', '//registry.npmjs.org/:_authToken=$NPM_TOKEN'],
    },
  },
  {
    id: 'pypi-upload-token',
    name: 'PyPI API token',
    category: 'secret',
    description:
      'PyPI (or TestPyPI) API token: `pypi-` + a macaroon whose base64 starts with the encoded `pypi.org` / `test.pypi.org` location.',
    trigger: { keywords: ['pypi-AgEIcHlwaS5vcmc', 'pypi-AgENdGVzdC5weXBpLm9yZw'] },
    pattern: /(?<![A-Za-z0-9])pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,400}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    window: 500,
    examples: {
      positive: [
        '[pypi]\n  username = __token__\n  password = pypi-AgENdGVzdC5weXBpLm9yZwZ2RTWERabjdXZ0FjSlh2ZU1OWFpqUnpHZUx4Uk12c3RlZkhNWk93QTY5czdFQVdlQTllSHhmVW40RVRBaWdtMW9PMEVXSGh5Rk1rMzdGaXFrVW1PNmZRWnNqNDUydEFYd0doMFh5Y3hGamdmMTl0ZjZZNFJXMVVt',
        'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcQWhDRXBQR1dib1Fnbm16SFhONFd4OURqTmNjRWpkNWw0ZjNmeEtpWEt3QVZoTTh2a1dibGRrMHRyalZQb3hPZm5XTGdneVpvcDQ4OFFlR1NVNHRBVThmTTZRQUdFdVZ1dXF3TG1JRUk4bEdHQ1VHTExManZjUGhv twine upload dist/*',
      ],
      negative: ['TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc', 'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc…'],
    },
  },
  {
    id: 'rubygems-api-key',
    name: 'RubyGems API key',
    category: 'secret',
    description: 'RubyGems.org API key: `rubygems_` followed by 48 hex characters.',
    trigger: { keywords: ['rubygems_'] },
    pattern: /(?<![A-Za-z0-9])rubygems_[a-f0-9]{48}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        '---\n:rubygems_api_key: rubygems_51c731d1c0ed15feb4a5931cde7b52489e72b4786fb0b695',
        'GEM_HOST_API_KEY=rubygems_56753d8268f18b903a5ccc5a2e779548c81293f58194999a gem push acme-1.2.0.gem',
      ],
      negative: [
        'GEM_HOST_API_KEY=rubygems_abc',
        'GEM_HOST_API_KEY=rubygems_6d2529cff6b15a2e36059f6de3cff223637b920357d82',
      ],
    },
  },
  {
    id: 'nuget-api-key',
    name: 'NuGet API key',
    category: 'secret',
    description: 'NuGet.org API key: `oy2` followed by 43 lower-case alphanumeric characters.',
    trigger: { keywords: ['oy2'] },
    pattern: /(?<![A-Za-z0-9])oy2[a-z0-9]{43}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'dotnet nuget push Acme.Core.2.1.0.nupkg --api-key oy209qfg8s5y2d5d0o8ohz2ncqn2soe384ld9tzz0xr6qs --source https://api.nuget.org/v3/index.json',
        'NUGET_API_KEY=oy2f5c88yobgefoyymlnlpgrjnlkndj2xzneqw63iz4crz',
      ],
      negative: ['NUGET_API_KEY=oy2abc', 'NUGET_API_KEY=oy2igd1tpw816t64tl6up11tvvwepc4doqmv975ux0g'],
    },
  },
  {
    id: 'docker-hub-pat',
    name: 'Docker Hub personal access token',
    category: 'secret',
    description: 'Docker Hub personal access token: `dckr_pat_` followed by 24-40 URL-safe characters.',
    trigger: { keywords: ['dckr_pat_'] },
    pattern: /(?<![A-Za-z0-9])dckr_pat_[A-Za-z0-9_-]{24,40}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'echo dckr_pat_bxoc3hsGkFU6gbPhQoaJxL3c0yz | docker login -u acmebot --password-stdin',
        'DOCKERHUB_TOKEN=dckr_pat_t-Qs1NDUP5Rs6lB15Q2D0qNyX5j',
      ],
      negative: ['DOCKERHUB_TOKEN=dckr_pat_abc', 'DOCKERHUB_TOKEN=dckr_pat_<token>'],
    },
  },
  {
    id: 'docker-hub-org-token',
    name: 'Docker Hub organization access token',
    category: 'secret',
    description: 'Docker Hub organization access token: `dckr_oat_` followed by 24-40 URL-safe characters.',
    trigger: { keywords: ['dckr_oat_'] },
    pattern: /(?<![A-Za-z0-9])dckr_oat_[A-Za-z0-9_-]{24,40}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'docker login -u acme -p dckr_oat_xj7cZSuVpeTgyPceU3UJ2qHBBfOkSZQK',
        'DOCKER_ORG_TOKEN=dckr_oat_vmjiUrOxRqqGklGXTYwEtOc8jOklzCyP',
      ],
      negative: ['DOCKER_ORG_TOKEN=dckr_oat_1', 'DOCKER_ORG_TOKEN=dckr_oat_…'],
    },
  },
  {
    id: 'crates-io-token',
    name: 'crates.io API token',
    category: 'secret',
    description:
      'crates.io API token: `cio` followed by 32 alphanumeric characters (short prefix: medium, raised by a Cargo context word).',
    trigger: { keywords: ['cio'] },
    pattern: /(?<![A-Za-z0-9])cio[A-Za-z0-9]{32}(?![A-Za-z0-9])/g,
    confidence: 'medium',
    validate: (value) => /[0-9]/.test(value) && /[A-Z]/.test(value),
    context: ['cargo', 'crates'],
    examples: {
      positive: [
        'CARGO_REGISTRY_TOKEN=ciojVant9FtTM7v6KGeVCirZgcP2lmAQbvP cargo publish',
        '[registry]\ntoken = "cioomNOhdUYDSDbq0RgyvxVf7EtkD6mY0Yt"',
      ],
      negative: ['CARGO_REGISTRY_TOKEN=cio123', 'cioabcdefghijklmnopqrstuvwxyzabcdef is a long word'],
    },
  },
  {
    id: 'clojars-token',
    name: 'Clojars deploy token',
    category: 'secret',
    description: 'Clojars deploy token: `CLOJARS_` followed by 60 lower-case alphanumeric characters.',
    trigger: { keywords: ['CLOJARS_'] },
    pattern: /(?<![A-Za-z0-9])CLOJARS_[a-z0-9]{60}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'CLOJARS_PASSWORD=CLOJARS_uvnjvu7p3cvsw6s8bzxaya4o2d08lhtsy5q0okfjic03js5sqh6r2z5pdqvb',
        ':deploy-repositories [["clojars" {:username "acme" :password "CLOJARS_xgiy8s8ngg1nho2mqzdfln6pyu9ym8x1allahprx357soir0znkcn33sgkou"}]]',
      ],
      negative: [
        'CLOJARS_USERNAME=acme',
        'CLOJARS_PASSWORD=CLOJARS_h55ri67wmkhnhmtmnjs440mzpdv3gz5c0ffkyowxo20ez22pkcygtq166',
      ],
    },
  },
  {
    id: 'jfrog-api-key',
    name: 'JFrog Artifactory API key',
    category: 'secret',
    description: 'JFrog Artifactory API key: `AKCp` followed by 69 alphanumeric characters.',
    trigger: { keywords: ['AKCp'] },
    pattern: /(?<![A-Za-z0-9])AKCp[A-Za-z0-9]{69}(?![A-Za-z0-9])/g,
    confidence: 'high',
    examples: {
      positive: [
        'curl -H "X-JFrog-Art-Api: AKCpqqdK6Ce0EhSmIsnycP2q5AtYGXz3rpETFNwo5WF0wOHUcEiKdTSpLHoPk9RoCeFc6nPwx" https://acme.jfrog.io/artifactory/api/repositories',
        'ARTIFACTORY_API_KEY=AKCp1sC5DPGFvllrSxQ3UIzaPt1scq6166GGayGrb4d5VxmwdtOUVR9Iiax0miJ7B6oXTLwov',
      ],
      negative: [
        'ARTIFACTORY_API_KEY=AKCp8abc',
        'ARTIFACTORY_API_KEY=AKCpq0ERpjDEaSWN6Vf6CyEw7JfwqBheVrLT7RIOINuA5dCHiLzoszuRXoJnrj7bPimHFD',
      ],
    },
  },
  {
    id: 'jfrog-identity-token',
    name: 'JFrog identity / reference token',
    category: 'secret',
    description:
      'JFrog reference (identity) token: base64 of `reftkn:01:…`, so it starts `cmVmdGtuOjAxOj`, 50-110 characters in all.',
    trigger: { keywords: ['cmVmdGtuOjAxOj'] },
    pattern: /(?<![A-Za-z0-9+/])cmVmdGtuOjAxOj[A-Za-z0-9+/]{40,100}={0,2}(?![A-Za-z0-9+/=])/g,
    confidence: 'high',
    examples: {
      positive: [
        'jf config add acme --url https://acme.jfrog.io --access-token cmVmdGtuOjAxOjgxMjg4Mzg0NDU6OER3NjBOcmdkSXhJTFJuSEwxQ3F4MlJKRXhUdTVQMmQ=',
        'JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOjQ2MjcxMzQ5OTU6Q0xtT3h0blRISncxTlBrdzhyUzl6clQxR3VqQlUySTA=',
      ],
      negative: ['JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOjE=', 'JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOj…'],
    },
  },
];
