// Authors a migration for every service and engine from the change of its schema since the last migration
// (`migrate diff` datamodel to datamodel: no shadow database, no engine download).
// Usage: node prisma/new-migration.mjs NAME
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PRISMA_DIR, PROVIDERS, SERVICES, migrationsPath, schemaPath } from './services.mjs';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: node prisma/new-migration.mjs NAME   (NAME: lower-case letters, digits, _)');
  process.exit(2);
}
const prismaBin = path.join(PRISMA_DIR, '..', 'node_modules', 'prisma', 'build', 'index.js');
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);

for (const service of SERVICES) {
  for (const provider of PROVIDERS) {
    const dir = migrationsPath(service, provider);
    const snapshot = path.join(dir, 'schema-at-last-migration.prisma');
    fs.mkdirSync(dir, { recursive: true });
    const from = fs.existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty'];
    // The JS engine opens the adapter even for a datamodel diff, so PostgreSQL must be reachable.
    const url = provider === 'sqlite' ? `file:${path.join(os.tmpdir(), 'gatehouse-migration-diff.sqlite')}` : (process.env.GATEHOUSE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
    const sql = execFileSync(
      process.execPath,
      [prismaBin, 'migrate', 'diff', '--config', path.join(PRISMA_DIR, 'prisma.config.ts'), ...from, '--to-schema-datamodel', schemaPath(service, provider), '--script'],
      { env: { ...process.env, GATEHOUSE_PRISMA_SERVICE: service, GATEHOUSE_PRISMA_URL: url }, stdio: ['ignore', 'pipe', 'ignore'] },
    ).toString();
    if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
      console.log(`${service}/${provider}: no change`);
      continue;
    }
    const target = path.join(dir, `${stamp}_${name}`);
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'migration.sql'), sql);
    fs.writeFileSync(path.join(dir, 'migration_lock.toml'), `provider = "${provider}"\n`);
    fs.copyFileSync(schemaPath(service, provider), snapshot);
    console.log(`${service}/${provider}: wrote ${path.relative(process.cwd(), target)}`);
  }
}
