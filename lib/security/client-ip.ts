// The address a request came from, for throttling. A reverse proxy appends the address it saw to
// X-Forwarded-For, so behind one the header's last entry is the client; but a client that reaches us
// directly can send any header it likes, which would let it pick its own throttle key. So the header
// is believed only when the connection comes from a trusted proxy (TRUSTED_PROXIES: by default
// loopback and private networks, where reverse proxies usually sit); otherwise the socket's address is
// the client.
import net from 'node:net';
import type { IncomingMessage } from 'node:http';

/** ::ffff:10.1.2.3 (an IPv4 peer on a dual-stack socket) is 10.1.2.3. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
}

/** `trustedProxies` is the configuration's TRUSTED_PROXIES, built into a list once at start-up. */
export function clientIp(req: IncomingMessage, trustedProxies: net.BlockList): string {
  const peer = req.socket.remoteAddress ? plainAddress(req.socket.remoteAddress) : undefined;
  if (!peer) return 'unknown';
  if (!trustedProxies.check(peer, net.isIPv6(peer) ? 'ipv6' : 'ipv4')) return peer;
  const forwarded = req.headers['x-forwarded-for'];
  const last = (typeof forwarded === 'string' ? forwarded : '').split(',').map((s) => s.trim()).filter(Boolean).at(-1);
  return last ?? peer;
}
