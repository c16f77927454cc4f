// The address a request came from, for throttling. Next.js's server sets x-forwarded-for from the
// socket; a reverse proxy appends its client. The last entry is the one added by the hop nearest to
// us, so a client cannot pick its own address by sending the header.
import { headers } from 'next/headers';

export async function clientIp(): Promise<string> {
  const h = await headers();
  const forwarded = h.get('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? h.get('x-real-ip') ?? 'unknown';
}
