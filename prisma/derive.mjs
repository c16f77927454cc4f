// Writes each service's postgresql.prisma from its SQLite source; `--check` fails if they disagree.
import fs from 'node:fs';
import { SERVICES, derivePostgresql, schemaPath } from './services.mjs';

const check = process.argv.includes('--check');
let stale = 0;
for (const service of SERVICES) {
  const wanted = derivePostgresql(fs.readFileSync(schemaPath(service, 'sqlite'), 'utf8'));
  const target = schemaPath(service, 'postgresql');
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current === wanted) continue;
  if (check) {
    console.error(`${target} is out of date; run npm run prisma:derive`);
    stale++;
  } else {
    fs.writeFileSync(target, wanted);
    console.log(`wrote ${target}`);
  }
}
process.exit(stale ? 1 : 0);
