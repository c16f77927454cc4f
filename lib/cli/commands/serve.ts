// gatehouse serve [--dev] [--data-dir DIR] [--public-port N] [--admin-port N] [--app-port N]
import { parseArgs } from 'node:util';
import { serve } from '../../launcher/serve';
import type { Command } from '../main';

const HELP = `Usage: gatehouse serve [--dev] [--data-dir DIR] [--public-port N] [--admin-port N] [--app-port N]

Starts the packaged token server (public API, admin API) and the app, after applying migrations.

  --dev            development mode: SQLite under --data-dir, secrets generated once and kept there,
                   http:// URLs on 127.0.0.1, demo user and demo client. Never use in production.
  --data-dir DIR   where development mode keeps its data (default .data)
  --public-port N  token server public port (default 4444)
  --admin-port N   token server admin port (default 4445)
  --app-port N     app port (default 3000)

Without --dev every setting comes from the environment (DSN, SECRETS_SYSTEM, URLS_*, DATABASE_URL, ...).

Example:
  gatehouse serve --dev`;

const port = (v: string | undefined) => (v === undefined ? undefined : Number(v));

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the token server and the app',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        dev: { type: 'boolean', default: false },
        'data-dir': { type: 'string', default: '.data' },
        'public-port': { type: 'string' },
        'admin-port': { type: 'string' },
        'app-port': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    return serve({
      dev: values.dev,
      dataDir: values['data-dir'],
      ports: { publicPort: port(values['public-port']), adminPort: port(values['admin-port']), appPort: port(values['app-port']) },
    });
  },
};
