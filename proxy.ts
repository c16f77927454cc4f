// Runs before the account and console pages render: gives the browser its CSRF nonce cookie (server
// components cannot set cookies, and every form's token is derived from it). See lib/security/csrf.ts.
// The flow pages (login, consent, ...) are not Next.js pages; lib/flow-pages/csrf.ts does this for them.
import { NextResponse, type NextRequest } from 'next/server';
import { CSRF_COOKIE, isCsrfNonce, newCsrfNonce } from './lib/security/csrf-token';

export function proxy(request: NextRequest) {
  if (isCsrfNonce(request.cookies.get(CSRF_COOKIE)?.value)) return NextResponse.next();
  const nonce = newCsrfNonce();
  // Set on the request too, so the page rendering right now already sees it.
  request.cookies.set(CSRF_COOKIE, nonce);
  const response = NextResponse.next({ request: { headers: request.headers } });
  const secure = (process.env.APP_URL ?? request.nextUrl.href).startsWith('https:');
  response.cookies.set(CSRF_COOKIE, nonce, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
  return response;
}

export const config = { matcher: ['/account/:path*', '/admin/:path*'] };
