// gatehouse migrate: applies the checked-in migrations to the app and token-server databases.
import { createInterface } from 'node:readline/promises';
import { migrate } from '../../db/migrate';
import type { ConcreteDatabaseUrl, Service } from '../../db/engines';
import { defineCommand } from '../command';
import { databaseFrom, describeDatabase } from '../databases';
import { CliError, UsageError } from '../errors';
import { note } from '../output';

async function confirmed(targets: { service: Service; db: ConcreteDatabaseUrl }[]): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(`Apply migrations to ${targets.map((t) => describeDatabase(t.db)).join(' and ')}? [y/N] `);
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

export const migrateCommand = defineCommand({
  name: 'migrate',
  aliases: ['migrate sql up', 'migrate sql'],
  summary: 'apply database migrations (app and token server)',
  usage: '[--app-database URL] [--token-server-dsn DSN] [--yes]',
  description: `Applies the pending migrations of the app database (DATABASE_URL) and of the token-server
database (DSN); either or both. Already applied migrations are skipped. PostgreSQL databases need
--yes (or a "y" at the prompt), as with \`hydra migrate sql up\`.`,
  flagsHelp: `      --app-database URL        the app database (default: env DATABASE_URL)
      --token-server-dsn DSN    the token-server database (default: env DSN)
  -y, --yes                     apply to PostgreSQL without asking`,
  example: 'DATABASE_URL=sqlite://.data/app.sqlite DSN=sqlite://.data/token-server.sqlite gatehouse migrate',
  options: { 'app-database': { type: 'string' }, 'token-server-dsn': { type: 'string' }, yes: { type: 'boolean', short: 'y' } },
  async run(flags) {
    const targets: { service: Service; db: ConcreteDatabaseUrl }[] = [];
    const app = databaseFrom(flags.string('app-database') ?? process.env.DATABASE_URL, flags.has('app-database') ? '--app-database' : 'DATABASE_URL');
    const tokenServer = databaseFrom(flags.string('token-server-dsn') ?? process.env.DSN, flags.has('token-server-dsn') ? '--token-server-dsn' : 'DSN');
    if (app) targets.push({ service: 'app', db: app });
    if (tokenServer) targets.push({ service: 'token-server', db: tokenServer });
    if (targets.length === 0) throw new UsageError('nothing to migrate: pass --app-database and/or --token-server-dsn, or set DATABASE_URL and/or DSN');
    if (targets.some((t) => t.db.kind === 'postgresql') && !flags.bool('yes') && !(await confirmed(targets))) {
      throw new CliError('not migrating PostgreSQL without confirmation: pass --yes', 2);
    }
    for (const { service, db } of targets) {
      const started = Date.now();
      note(`Applying migrations to the ${service} database (${describeDatabase(db)}) ...`);
      await migrate(service, db);
      note(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    note('Successfully applied migrations!');
  },
});
