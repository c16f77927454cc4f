// gatehouse serve [all|app|token-server] [--dev] [--data-dir DIR] [--public-port N] [--admin-port N] [--app-port N]
import { parseArgs } from 'node:util';
import { serve, type Services } from '../../launcher/serve';
import type { Command } from '../main';
import { UsageError } from '../errors';

const HELP = `Usage: gatehouse serve [all|app|token-server] [--dev] [--data-dir DIR] [--public-port N] [--admin-port N] [--app-port N]

Applies migrations, then starts the packaged token server (public API, admin API) and the app (all, the
default), or one of them: \`serve app\` runs the login, consent and logout app alone, in front of Ory Hydra
(set HYDRA_ADMIN_URL and HYDRA_PUBLIC_URL, and point Hydra's URLS_LOGIN, URLS_CONSENT, URLS_LOGOUT and
URLS_ERROR at it).

  --dev            development mode: SQLite under --data-dir, secrets generated once and kept there,
                   http:// URLs on 127.0.0.1, demo user and demo client (with all). Never use in production.
  --data-dir DIR   where development mode keeps its data (default .data)
  --public-port N  token server public port (default 4444)
  --admin-port N   token server admin port (default 4445)
  --app-port N     app port (default 3000)

Without --dev every setting comes from the environment (DSN, SECRETS_SYSTEM, URLS_*, DATABASE_URL, ...).

Examples:
  gatehouse serve --dev
  HYDRA_ADMIN_URL=http://hydra:4445 HYDRA_PUBLIC_URL=https://auth.example DATABASE_URL=postgres://app@db/app \\
    APP_URL=https://login.example APP_SECRETS=... gatehouse serve app`;

const SERVICES: readonly Services[] = ['all', 'app', 'token-server'];

const port = (v: string | undefined) => (v === undefined ? undefined : Number(v));

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the token server and the app, or one of them',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        dev: { type: 'boolean', default: false },
        'data-dir': { type: 'string', default: '.data' },
        'public-port': { type: 'string' },
        'admin-port': { type: 'string' },
        'app-port': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const [services = 'all', ...extra] = positionals;
    if (!SERVICES.includes(services as Services) || extra.length > 0) {
      throw new UsageError(`serve takes one of ${SERVICES.join(', ')}, got "${positionals.join(' ')}"`);
    }
    return serve({
      services: services as Services,
      dev: values.dev,
      dataDir: values['data-dir'],
      ports: { publicPort: port(values['public-port']), adminPort: port(values['admin-port']), appPort: port(values['app-port']) },
    });
  },
};
