import type { Detector } from '../../types.ts';

export const googleCloudDetectors: Detector[] = [
  {
    id: 'gcp-service-account-key',
    name: 'Google Cloud service account key (JSON)',
    category: 'secret',
    description:
      'Google Cloud service account key file: the `"private_key_id"` field (40 hex characters) of a JSON key whose type is `service_account` (requires that context); the PEM key inside is reported by the private key detector.',
    trigger: { keywords: ['private_key_id'] },
    pattern: /"private_key_id"\s{0,4}:\s{0,4}"(?<value>[0-9a-f]{40})"/g,
    confidence: 'medium',
    context: ['service_account', 'iam.gserviceaccount.com', 'client_email', 'token_uri'],
    requiresContext: true,
    window: 1000,
    contextWindow: 2500,
    examples: {
      positive: [
        '{\n  "type": "service_account", "project_id": "acme-xcbkfk", "private_key_id": "86432e6f593ec287441ed73c6514d001a98ad19d", "client_email": "ci@acme.iam.gserviceaccount.com",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n..."\n}',
        'key.json: { "type": "service_account", "project_id": "acme-ybawgh", "private_key_id": "057ab860b281f572d82bee4ecef2b59f272f90b4", "client_email": "ci@acme.iam.gserviceaccount.com" }',
      ],
      negative: [
        '{"type": "service_account", "private_key_id": "", "client_email": "ci@acme.iam.gserviceaccount.com"}',
        '{"type": "service_account", "private_key_id": "3f2a"}',
      ],
    },
  },
  {
    id: 'gcp-oauth-client-secret',
    name: 'Google OAuth client secret',
    category: 'secret',
    description: 'Google OAuth 2.0 client secret: `GOCSPX-` followed by 28 URL-safe characters.',
    trigger: { keywords: ['GOCSPX-'] },
    pattern: /(?<![A-Za-z0-9])GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'GOOGLE_CLIENT_SECRET=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',
        '{"web":{"client_id":"1234-abc.apps.googleusercontent.com","client_secret":"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"}}',
      ],
      negative: ['GOOGLE_CLIENT_SECRET=GOCSPX-abc', 'GOOGLE_CLIENT_SECRET=GOCSPX-3t6xTN1O56u79NF1Vih0vwvOg'],
    },
  },
  {
    id: 'google-oauth-access-token',
    name: 'Google OAuth access token',
    category: 'secret',
    description: 'Google OAuth 2.0 access token: `ya29.` followed by 30-1000 URL-safe characters.',
    trigger: { keywords: ['ya29.'] },
    pattern: /(?<![A-Za-z0-9])ya29\.[A-Za-z0-9_-]{30,1000}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    window: 1100,
    examples: {
      positive: [
        'curl -H "Authorization: Bearer ya29.a0qLFlgf78GwJ4ebCtGKrjhJtGPKPArlIXBuPTomnQGUFfTNGzzOaJ7MDiqHA9t6RRslOxs6bLViwJ2l5arDW7KImhoE4UuUuKZWAWa2Vu3A7iaEyiIi7j8fvqWXaPIuILF3D6jBSsyfuYafDE9XD5nc" https://www.googleapis.com/drive/v3/files',
        '{"access_token": "ya29.a0yt_sg_oc3891IL1HUXA36Lp75I0rtWgwxN4Ppratb9vtXTbqY11WMvZqAyZhvlh2s_JukHBOTbth0FTdpHpt0InJKOE6JaWDa9YA5dNfJRkNrZe13FKGhOficgZBW9bBbtcgdDEp1znEtz5vxgp8yK", "expires_in": 3599}',
      ],
      negative: ['Authorization: Bearer ya29.', 'Authorization: Bearer ya29.a0Af'],
    },
  },
  {
    id: 'google-oauth-refresh-token',
    name: 'Google OAuth refresh token',
    category: 'secret',
    description: 'Google OAuth 2.0 refresh token: `1//0` followed by 40-300 URL-safe characters.',
    trigger: { keywords: ['1//0'] },
    pattern: /(?<![A-Za-z0-9/])1\/\/0[A-Za-z0-9_-]{40,300}(?![A-Za-z0-9_-])/g,
    confidence: 'medium',
    validate: (value) => /[A-Z]/.test(value) && /[a-z]/.test(value),
    context: ['refresh_token', 'google', 'oauth'],
    window: 400,
    examples: {
      positive: [
        '{"refresh_token": "1//09fUzqOVnOdQkXHPVxu-Orq1kU5JjEfMo8UbRUYpVs0pvRkY-QKbONDEbwDHcadVW7LzJaGHGN86ZMNhsm5g81PgVph5URjGiEK8", "token_type": "Bearer"}',
        'GOOGLE_REFRESH_TOKEN=1//02IbMdP2DnjK_V21ksMiSC-ujDBqVreUEVddFdPOGibOp-zCFZkAba5T_HsM8kETknzwNrCmhc7zX5WszwkMb4SfLVIQYvkB-SN4',
      ],
      negative: ['GOOGLE_REFRESH_TOKEN=1//0gShort', 'see http://0.0.0.0 and file://0/tmp'],
    },
  },
  {
    id: 'firebase-cloud-messaging-key',
    name: 'Firebase Cloud Messaging server key',
    category: 'secret',
    description:
      'Firebase Cloud Messaging legacy server key: `AAAA` + 7 characters + `:APA91b` + 134 URL-safe characters.',
    trigger: { keywords: [':APA91b'] },
    pattern: /(?<![A-Za-z0-9])AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}(?![A-Za-z0-9_-])/g,
    confidence: 'high',
    examples: {
      positive: [
        'FCM_SERVER_KEY=AAAAdKeCpuK:APA91b6fobbU86Q5tCiyO0tjWlXuH-ewU0IjkP5zYro8rKB6IizvMCsDQC7Ugw22KULV-SXsP4uao9DS5Sg19P5qX3DTUZ3kYCSx3Sf_irlJGgjU3a6y5M_ZuewokXT3JvjFapKcmMis',
        'Authorization: key=AAAAk3m1x6c:APA91bvCMQqjlGhMA1zuX7zXccGswi54RD5dd639wMDbn735IG7skqekWprUN-kIjXbwI1x0HKozhQ7sR3_WAa2JdAGD2MrJkqAe4bAhh2tl3KlHE6iMUHhUlCcwEouNFw5jMGk1Srsr',
      ],
      negative: [
        'FCM_SERVER_KEY=AAAA:APA91b',
        'FCM_SERVER_KEY=AAAANUIHo-B:APA91bCVVLP6PC4kw9KfajX0YELyBBokI0Tv_qPUK5D9kouuD4CRT0SiYfTBuaGobcHEcT-Bpw5e5xvkkml9QWy3RF3u8Z7HBYk2GfOJEdDFBSilaswVV8L3-eQ4znkeixWZsX1sq',
      ],
    },
  },
];
