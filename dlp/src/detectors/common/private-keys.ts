import type { Detector } from '../../types.ts';
import { decodeBase64 } from '../../validators/base64.ts';
import { shannonEntropy } from '../../validators/entropy.ts';

/** Line breaks inside a key: real ones, or `\n` escapes when the key sits in a JSON or .env string. */
const BODY = String.raw`[A-Za-z0-9+/=][A-Za-z0-9+/=\s\\]{62,16000}[A-Za-z0-9+/=]`;
const HEADERS = String.raw`(?:[A-Za-z][A-Za-z-]{1,40}: [^\r\n\\]{1,200}(?:\r?\n|\\n)){0,6}`;
const NEWLINE = String.raw`[ \t]{0,8}(?:\r?\n|\\r\\n|\\n)`;

/** True when the key body holds at least 64 base64 characters of random-looking data. */
export function keyBodyValid(body: string): boolean {
  const compact = body.replace(/\\[nr]|\s/g, '');
  if (compact.length < 64 || decodeBase64(compact.replace(/=+$/, '')) === null) return false;
  return shannonEntropy(compact) >= 4.5;
}

interface KeyFormat {
  id: string;
  name: string;
  label: string;
  keyword: string;
  body: string;
}

function pemKey(f: KeyFormat): Detector {
  const begin = `-----BEGIN ${f.label}-----`;
  const lines = f.body.match(/.{1,64}/g)!.join('\n');
  return {
    id: `private-key-${f.id}`,
    name: f.name,
    category: 'secret',
    description: `${f.name} in PEM armor (${begin}), with at least 64 base64 characters of key material.`,
    trigger: { keywords: [f.keyword] },
    window: 16_500,
    pattern: new RegExp(`${begin}${NEWLINE}${HEADERS}(?:${NEWLINE})?(?<value>${BODY})`, 'g'),
    confidence: 'high',
    validate: keyBodyValid,
    context: ['key', 'ssh', 'pem', 'cert', 'tls'],
    examples: {
      positive: [`${begin}\n${lines}\n-----END ${f.label}-----\n`, `"${begin}\\n${lines.replace(/\n/g, '\\n')}\\n"`],
      negative: [`${begin}\n...\n-----END ${f.label}-----`, `${begin}\nMIIE<your key here>\n-----END ${f.label}-----`],
    },
  };
}

/** Private keys: PEM (RSA, EC, DSA, PKCS#8 plain and encrypted), OpenSSH, PGP armor, PuTTY. */
export const privateKeyDetectors: Detector[] = [
  pemKey({
    id: 'rsa',
    name: 'RSA private key',
    label: 'RSA PRIVATE KEY',
    keyword: 'rsa private key',
    body: 'MIIEpAIBAAKCAQEALf+D7pZXkoCmbNBfMi4b6HitOpUULBo09w5GcmpwJnJjV+PQz8VPCeNe9pAPRZnhu1470OwydbznBC8rBAxm7K+9oFt/qqNHEOY8vFDvYSxDJy8k2fi+fFAvPcc259E/9iCeG0UHmfJMznz+ReClInsbFzR1m3kZjTcrlPM5mKu7QRlb0WfF+lcvKGeXXu5rQh/98NQ+',
  }),
  pemKey({
    id: 'ec',
    name: 'EC private key',
    label: 'EC PRIVATE KEY',
    keyword: 'ec private key',
    body: 'MHcCAQEEIENFrOoZWbvVKwLs4LtO5miz+5CnI9ZIaFT0nowZTfSWs/E1GJqiq1EdYmfP63tYjRnbfR7z4q0/6aOlzsY0b0rUoYv9xxv9H2i9F8Vzn3Gk1t8qglM4/kLo6kDoJWIsHtooqBLFVCA6F8T/wryZN3N1ctSv0PkusA==',
  }),
  pemKey({
    id: 'dsa',
    name: 'DSA private key',
    label: 'DSA PRIVATE KEY',
    keyword: 'dsa private key',
    body: 'MIIBuwIBAAKBgQB21IYZnzE+hDTjgNjMet2JmvGgcW1KYYAnIoOjZpR87Qwxy/1CBgkA7QGZSuGuw0K8gqeB2xxQUF1mozqkvq1dPvMFOKF3ef53JH+sMg99Jyz+CeDtAS6JNBr9QISB5TLf+FpDHlBxWm6BexX8npTIaLD8G+36zxo=',
  }),
  pemKey({
    id: 'pkcs8',
    name: 'PKCS#8 private key',
    label: 'PRIVATE KEY',
    keyword: 'begin private key',
    body: 'MIIEvgIBADANBgkqhkiG9w0BAQEFAG/FPN52ndRUg1/b4bDW8VBAn3jAy7Pwatwlx/MV6sMsShRny/+O73lyVC1XrNdgsXwDNt4TT3yiv2TEKG7vBHpAGc8nRq2RsZILSZNpIA/O2gAzSGWaJEn5fN2NPJgeg69bo/zpBjTnIall3PVGOOZcaAOt5kC8x/KrgR4UbWmm3Q3OTX58eFN/ccklZzLx4IkHEk/LnQ==',
  }),
  pemKey({
    id: 'pkcs8-encrypted',
    name: 'Encrypted PKCS#8 private key',
    label: 'ENCRYPTED PRIVATE KEY',
    keyword: 'encrypted private key',
    body: 'MIIFDeKJuWKnWbCI+0O4UBP2Uh8QZLY6M1aoK8a91r13h2JVgHvlgj0xz2V6ws6p4oA1ItEa6+OyP1HQ1iSllSoAGX2+rvn+l/D8tCKctJ7OIsNsaMRZGzGer3rhGbTXEItK5ro2Kpo7d9qVTjJwgz2Un5ENoDjIWIJ0rIEuA8WrJHFU5wK1sE2dfr5KIpJd5pbZoEX4jVju',
  }),
  pemKey({
    id: 'openssh',
    name: 'OpenSSH private key',
    label: 'OPENSSH PRIVATE KEY',
    keyword: 'openssh private key',
    body: 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmXuDMC9qeFOvr3eNhessuzKhky4gwl1icrtMF3gU7cAuw0cWVw0y9lD5WEceghpo98suKOjAJpcivTKnDTh28jxngG+AGrFg9/MddKBiBfO7mt7kOaUbqQ0THgPelEboa6rRomxj5GM+sVPZPLeGBD+88S9X6rYar0=',
  }),
  pemKey({
    id: 'pgp',
    name: 'PGP private key block',
    label: 'PGP PRIVATE KEY BLOCK',
    keyword: 'pgp private key block',
    body: 'lQHYBGZg7sB1bLmlMoz19wuQTrwTGGrGuFXV4UfQw7g3C+1KkDGvTIInAdLJmFbMDnJorAYJUhYJb5jrx4wdpZ6fOR6IzuBtd14VjvUwZi0BLh0xmGr+YEz+WzJrmaSKqz21/FRdq0oEWAaRYzbm5is+E8fnlhbvXmukOiS+ZMMnSTv53JWCvdLyaRfdylwZZA==',
  }),
  {
    id: 'private-key-putty',
    name: 'PuTTY private key',
    category: 'secret',
    description: 'PuTTY .ppk private keys: the base64 block after Private-Lines.',
    trigger: { keywords: ['private-lines'] },
    window: 8000,
    pattern: new RegExp(`Private-Lines: [0-9]{1,3}${NEWLINE}(?<value>${BODY})`, 'g'),
    confidence: 'high',
    validate: keyBodyValid,
    context: ['putty-user-key-file'],
    examples: {
      positive: [
        'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 2\nF4biCf067as7Hy6k02mBmW78/i/K6OgseHylPWTCZdRk2sLWqfAX/vtq848QB9AkXxbu\n65pHnMI/qjaQyYHQwp500qvI38H7fAYMkofC0IVveKsvqFJRbVNvaq1YrkVf\nPrivate-MAC: 1a2b',
      ],
      negative: [
        'PuTTY-User-Key-File-3: ssh-ed25519\nPrivate-Lines: 1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ],
    },
  },
];
