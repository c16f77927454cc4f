// gatehouse janitor: deletes expired tokens, codes, grants and flows from the token-server database.
import { openTokenServerDb } from '../../db/token-server-db';
import { parseDuration } from '../../config';
import { sweepExpired } from '../../token-server/storage/janitor';
import { defineCommand } from '../command';
import { databaseFrom, describeDatabase } from '../databases';
import { UsageError } from '../errors';
import { note } from '../output';

export const janitorCommand = defineCommand({
  name: 'janitor',
  summary: 'delete expired tokens, codes and flows',
  usage: '[DSN] [--keep-if-younger DURATION] [--batch-size N] [--limit N]',
  description: `Deletes records of the packaged token server that expired longer ago than --keep-if-younger:
access and refresh tokens, authorization codes, grants, sessions and login/consent flows. The token
server also sweeps every 10 minutes; run this after an outage or before a backup. The DSN comes from
the argument, --token-server-dsn or env DSN. Hydra's --tokens, --requests and --grants are accepted;
the packaged server keeps all of them in one table and sweeps them together.`,
  flagsHelp: `      --token-server-dsn DSN    the token-server database (default: env DSN)
      --keep-if-younger DURATION keep records that expired less than this long ago (default 0s; e.g. 1h)
      --batch-size N            delete this many rows per statement (default 100)
      --limit N                 stop after deleting this many rows (default: no limit)
      --tokens, --requests, --grants accepted for compatibility with hydra janitor`,
  example: 'gatehouse janitor sqlite://.data/token-server.sqlite --keep-if-younger 1h --batch-size 500',
  options: {
    'token-server-dsn': { type: 'string' },
    'keep-if-younger': { type: 'string' },
    'batch-size': { type: 'string' },
    limit: { type: 'string' },
    tokens: { type: 'boolean' },
    requests: { type: 'boolean' },
    grants: { type: 'boolean' },
  },
  positionals: { min: 0, max: 1 },
  async run(flags, [dsnArg]) {
    const dsn = dsnArg ?? flags.string('token-server-dsn') ?? process.env.DSN;
    const db = databaseFrom(dsn, 'DSN');
    if (!db) throw new UsageError('no token-server database: pass a DSN argument, --token-server-dsn or set DSN');
    const keepRaw = flags.string('keep-if-younger') ?? '0s';
    const keepIfYounger = keepRaw === '0' || keepRaw === '0s' ? 0 : parseDuration(keepRaw);
    if (keepIfYounger === undefined) throw new UsageError(`--keep-if-younger expects a duration such as 1h or 30m, got "${keepRaw}"`);
    const batchSize = flags.integer('batch-size') ?? 100;
    if (batchSize < 1) throw new UsageError('--batch-size must be at least 1');
    const limit = flags.integer('limit') ?? Infinity;

    const client = openTokenServerDb(db);
    const now = Date.now();
    let deleted = 0;
    note(`Deleting records of ${describeDatabase(db)} that expired before ${new Date(now - keepIfYounger * 1000).toISOString()} ...`);
    try {
      while (deleted < limit) {
        const take = Math.min(batchSize, limit - deleted);
        const n = await sweepExpired(client, { keepIfYounger, batchSize: take, limit: take, now });
        deleted += n;
        if (n > 0) note(`  deleted ${deleted} so far`);
        if (n < take) break;
      }
    } finally {
      await client.$disconnect();
    }
    note(`Deleted ${deleted} expired record${deleted === 1 ? '' : 's'}.`);
  },
});
