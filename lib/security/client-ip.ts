// The address a request came from, for throttling. A reverse proxy appends the address it saw to
// X-Forwarded-For, so behind one the header's last entry is the client; but a client that reaches us
// directly can send any header it likes, which would let it pick its own throttle key. So the header
// is believed only when the connection comes from a trusted proxy (TRUSTED_PROXIES: by default
// loopback and private networks, where reverse proxies usually sit); otherwise the socket's address is
// the client.
import net from 'node:net';
import type { IncomingMessage } from 'node:http';
import { parseCidr } from './cidr';

const LOOPBACK: [string, number, 'ipv4' | 'ipv6'][] = [['127.0.0.0', 8, 'ipv4'], ['::1', 128, 'ipv6']];
const PRIVATE: [string, number, 'ipv4' | 'ipv6'][] = [
  ['10.0.0.0', 8, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], ['100.64.0.0', 10, 'ipv4'],
  ['fc00::', 7, 'ipv6'], ['fe80::', 10, 'ipv6'],
];

const built = new WeakMap<readonly string[], net.BlockList>();

/** The BlockList of TRUSTED_PROXIES entries (already validated by the configuration), built once per list. */
function trustedProxyList(entries: readonly string[]): net.BlockList {
  const cached = built.get(entries);
  if (cached) return cached;
  const list = new net.BlockList();
  built.set(entries, list);
  for (const entry of entries) {
    const blocks = entry === 'loopback' ? LOOPBACK : entry === 'private' ? PRIVATE : [parseCidr(entry)].filter((c) => c !== undefined).map((c) => [c.address, c.prefix, c.family] as const);
    for (const [address, prefix, family] of blocks) list.addSubnet(address, prefix, family);
  }
  return list;
}

/** ::ffff:10.1.2.3 (an IPv4 peer on a dual-stack socket) is 10.1.2.3. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
}

export function clientIp(req: IncomingMessage, trustedProxies: readonly string[]): string {
  const peer = req.socket.remoteAddress ? plainAddress(req.socket.remoteAddress) : undefined;
  if (!peer) return 'unknown';
  if (!trustedProxyList(trustedProxies).check(peer, net.isIPv6(peer) ? 'ipv6' : 'ipv4')) return peer;
  const forwarded = req.headers['x-forwarded-for'];
  const last = (typeof forwarded === 'string' ? forwarded : '').split(',').map((s) => s.trim()).filter(Boolean).at(-1);
  return last ?? peer;
}
