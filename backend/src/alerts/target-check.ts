import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { ApiError } from '../http/errors.ts';

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

/** True for loopback, private, link-local, carrier-grade NAT, multicast and reserved addresses (v4 and v6). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) return blocked.check(address, 'ipv6');
  return true;
}

type Resolver = (host: string) => Promise<string[]>;
const systemResolver: Resolver = async (host) => (await lookup(host, { all: true })).map((a) => a.address);

/**
 * Checks a webhook URL: https (http only with allowPrivate), no credentials in it, and unless allowPrivate every
 * address the host resolves to is public. Throws 400 `webhook_target_refused` naming the reason.
 */
export async function checkWebhookTarget(
  raw: string,
  options: { allowPrivate: boolean; resolve?: Resolver },
): Promise<URL> {
  const refuse = (message: string) => {
    throw new ApiError(400, 'webhook_target_refused', message, { details: [{ path: 'url', message }] });
  };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('The webhook URL is not a valid URL.');
  }
  if (url.protocol !== 'https:' && !(options.allowPrivate && url.protocol === 'http:')) {
    refuse('The webhook URL must use https (http only with allowPrivate, for testing).');
  }
  if (url.username || url.password) refuse('Put no credentials in the webhook URL; the signature authenticates us.');
  if (options.allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) {
    refuse(`${host} is a loopback name; private targets need allowPrivate (for testing only).`);
  }
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await (options.resolve ?? systemResolver)(host);
  } catch {
    return refuse(`The webhook host ${host} does not resolve.`);
  }
  const bad = addresses.filter(isPrivateAddress);
  if (addresses.length === 0 || bad.length > 0) {
    refuse(
      `The webhook host ${host} resolves to a private or loopback address (${bad.join(', ') || 'none'}); private targets need allowPrivate (for testing only).`,
    );
  }
  return url;
}
