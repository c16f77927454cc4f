// CIDR blocks (10.0.0.0/8, fd00::/8) for the trusted-proxy setting.
import net from 'node:net';

export type Cidr = { address: string; prefix: number; family: 'ipv4' | 'ipv6' };

export function parseCidr(text: string): Cidr | undefined {
  const [address, prefixText] = text.split('/');
  if (!address || prefixText === undefined || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const version = net.isIP(address);
  const prefix = Number(prefixText);
  if (version === 4 && prefix <= 32) return { address, prefix, family: 'ipv4' };
  if (version === 6 && prefix <= 128) return { address, prefix, family: 'ipv6' };
  return undefined;
}

const cidr = (address: string, prefix: number, family: Cidr['family']): Cidr => ({ address, prefix, family });
const NAMED: Record<string, Cidr[]> = {
  loopback: [cidr('127.0.0.0', 8, 'ipv4'), cidr('::1', 128, 'ipv6')],
  // Where reverse proxies usually sit: private, carrier-grade NAT, unique-local and link-local ranges.
  private: [
    cidr('10.0.0.0', 8, 'ipv4'), cidr('172.16.0.0', 12, 'ipv4'), cidr('192.168.0.0', 16, 'ipv4'), cidr('100.64.0.0', 10, 'ipv4'),
    cidr('fc00::', 7, 'ipv6'), cidr('fe80::', 10, 'ipv6'),
  ],
};

/** The blocks of `loopback`, `private` and CIDR entries as one list; undefined when an entry is none of those. */
export function blockListOf(entries: readonly string[]): net.BlockList | undefined {
  const list = new net.BlockList();
  for (const entry of entries) {
    const blocks = NAMED[entry] ?? [parseCidr(entry)];
    for (const block of blocks) {
      if (!block) return undefined;
      list.addSubnet(block.address, block.prefix, block.family);
    }
  }
  return list;
}
