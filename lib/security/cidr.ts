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
