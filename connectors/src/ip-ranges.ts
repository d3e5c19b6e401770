import { isIP } from 'node:net';

/** Why an address is not a public unicast address, or null when it is. */
export type AddressClass =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'cgnat'
  | 'link-local'
  | 'metadata'
  | 'multicast'
  | 'reserved'
  | 'documentation'
  | 'unique-local';

type V4Range = [base: number, bits: number, cls: AddressClass];

const v4 = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

// Order matters: the first match names the class (metadata before link-local).
const v4Ranges: V4Range[] = [
  [v4(169, 254, 169, 254), 32, 'metadata'],
  [v4(100, 100, 100, 200), 32, 'metadata'],
  [v4(0, 0, 0, 0), 8, 'unspecified'],
  [v4(10, 0, 0, 0), 8, 'private'],
  [v4(100, 64, 0, 0), 10, 'cgnat'],
  [v4(127, 0, 0, 0), 8, 'loopback'],
  [v4(169, 254, 0, 0), 16, 'link-local'],
  [v4(172, 16, 0, 0), 12, 'private'],
  [v4(192, 0, 0, 0), 24, 'reserved'],
  [v4(192, 0, 2, 0), 24, 'documentation'],
  [v4(192, 88, 99, 0), 24, 'reserved'],
  [v4(192, 168, 0, 0), 16, 'private'],
  [v4(198, 18, 0, 0), 15, 'reserved'],
  [v4(198, 51, 100, 0), 24, 'documentation'],
  [v4(203, 0, 113, 0), 24, 'documentation'],
  [v4(224, 0, 0, 0), 4, 'multicast'],
  [v4(240, 0, 0, 0), 4, 'reserved'],
];

function parseV4(address: string): number | null {
  const parts = address.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    n = n * 256 + Number(p);
  }
  return n >>> 0;
}

function classifyV4(n: number): AddressClass | null {
  for (const [base, bits, cls] of v4Ranges) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if ((n & mask) >>> 0 === base) return cls;
  }
  return null;
}

/** Parses an IPv6 address (with optional zone and embedded dotted quad) into 8 16-bit groups. */
function parseV6(address: string): number[] | null {
  let a = address.replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (dotted) {
    const n = parseV4(dotted[1]!);
    if (n === null) return null;
    a = `${a.slice(0, -dotted[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = a.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  const out: number[] = [];
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    out.push(Number.parseInt(g, 16));
  }
  return out;
}

function classifyV6(g: number[]): AddressClass | null {
  const embedded = () => classifyV4((((g[6]! << 16) | g[7]!) >>> 0) as number) ?? null;
  const zeroUntil = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUntil(8)) return 'unspecified';
  if (zeroUntil(7) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d).
  if (zeroUntil(5) && g[5] === 0xffff) return embedded();
  if (zeroUntil(4) && g[4] === 0xffff && g[5] === 0) return embedded();
  if (zeroUntil(6)) return embedded() ?? 'reserved';
  // NAT64 (64:ff9b::/96 and the local-use 64:ff9b:1::/48) carry an IPv4 address in the last 32 bits.
  if (g[0] === 0x64 && g[1] === 0xff9b) return embedded() ?? (g[2] === 1 ? 'private' : null);
  // 6to4 (2002::/16) embeds an IPv4 address in groups 1-2.
  if (g[0] === 0x2002) return classifyV4(((g[1]! << 16) | g[2]!) >>> 0);
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
  if (g[0] === 0x2001 && g[1] === 0) return 'reserved'; // Teredo tunnels reach arbitrary IPv4 hosts
  if (g[0] === 0x0100 && zeroUntil(4)) return 'reserved'; // discard prefix 100::/64
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && g[7] === 0x254 && g.slice(2, 7).every((x) => x === 0)) return 'metadata';
  if ((g[0]! & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0]! & 0xffc0) === 0xfec0) return 'private'; // deprecated site-local
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast';
  return null;
}

/**
 * Classifies an IP address (IPv4, IPv6, IPv4-mapped/translated/NAT64/6to4 forms): null for a public unicast
 * address, else the reason it must not be contacted (private, loopback, link-local, CGNAT, metadata, ...).
 */
export function classifyAddress(address: string): AddressClass | null {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare.replace(/%.*$/, ''));
  if (family === 4) return classifyV4(parseV4(bare)!);
  if (family === 6) {
    const groups = parseV6(bare);
    return groups ? classifyV6(groups) : 'reserved';
  }
  throw new Error(`not an IP address: ${address}`);
}
