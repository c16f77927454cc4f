// Generates the four Prisma clients (two services × two engines) into lib/generated/.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { PRISMA_DIR, PROVIDERS, SERVICES, schemaPath } from './services.mjs';

const prismaBin = path.join(PRISMA_DIR, '..', 'node_modules', 'prisma', 'build', 'index.js');
for (const service of SERVICES) {
  for (const provider of PROVIDERS) {
    // The config selects the JS schema engine, so nothing is downloaded; no database is opened.
    const url = provider === 'sqlite' ? 'file:./unused.sqlite' : 'postgres://unused@127.0.0.1/unused';
    try {
      execFileSync(process.execPath, [prismaBin, 'generate', '--no-hints', '--config', path.join(PRISMA_DIR, 'prisma.config.ts'), '--schema', schemaPath(service, provider)], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', GATEHOUSE_PRISMA_SERVICE: service, GATEHOUSE_PRISMA_URL: url },
      });
    } catch (err) {
      // Prisma's own output is noisy when it works; show it only when it fails.
      process.stderr.write(`${err.stdout ?? ''}${err.stderr ?? ''}`);
      process.exit(1);
    }
  }
}
console.log('generated Prisma clients for', SERVICES.join(', '));
