// @ts-check
import { securityHeaders } from './lib/http/security-headers.js';

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project once with tsc; checking again inside the build only costs time.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  // Server-only packages with native addons or dynamic requires stay outside the bundle.
  serverExternalPackages: ['argon2', 'better-sqlite3', 'pg', 'pino', '@prisma/client', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg'],
  experimental: {
    serverActions: { bodySizeLimit: '64kb' },
    // forbidden(): the operator console answers a signed-in non-admin with a real 403 page.
    authInterrupts: true,
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders() }];
  },
};

export default nextConfig;
