// @ts-check
// Security headers for every page of the app. Plain JS so next.config.js can import it at build time.

/**
 * The CSP forbids framing (clickjacking on login and consent), inline plugins and foreign form targets.
 * Next.js needs inline scripts for hydration, so script-src allows 'unsafe-inline' but no remote origin.
 * @returns {{ key: string, value: string }[]}
 */
export function securityHeaders() {
  const csp = [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return [
    { key: 'Content-Security-Policy', value: csp },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on form posts, which
    // Next.js refuses for server actions, so no form would work without JavaScript. Other sites still
    // receive no Referer at all, so a URL with a challenge never leaves this origin.
    { key: 'Referrer-Policy', value: 'same-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
}
