// Entry point of the app process: validate configuration, then serve health endpoints, the flow pages
// (lib/flow-pages: login, consent, logout, registration, error) and, for everything else, the production
// Next.js build, with one structured log line per request.
import { createServer } from 'node:http';
import next from 'next';
import { appConfig } from '../app-config';
import { appClient, ensureAppClient } from '../auth/app-client';
import { ConfigError, type AppConfig } from '../config';
import { appDb } from '../db/app-connection';
import { createLogger, type Logger } from '../logger';
import { createFlowPages } from '../flow-pages';
import { loadStylesheet } from '../flow-pages/stylesheet';
import { withRequestLog } from '../http/request-log';
import { projectRoot } from '../project-root';
import { handleAppHealth } from './health';

/** The account area's OAuth2 client; retried until Hydra's admin API answers (it may start later). */
function registerAppClient(config: AppConfig, log: Logger, attempt = 1): void {
  ensureAppClient(config)
    .then(() => log.info({ clientId: appClient(config).clientId }, 'app client registered'))
    .catch((err: unknown) => {
      log.error({ attempt, err: err instanceof Error ? err.message : String(err) }, 'registering the app client failed; retrying');
      setTimeout(() => registerAppClient(config, log, attempt + 1), Math.min(30_000, 1000 * attempt)).unref();
    });
}

async function main() {
  const config = appConfig();
  // next-auth v4 reads its public URL from the environment.
  process.env.NEXTAUTH_URL ??= config.APP_URL;
  const log = createLogger('app', config.LOG_LEVEL);
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOSTNAME_BIND ?? '0.0.0.0';
  const db = appDb();
  const flowPages = createFlowPages({ config, log, stylesheet: loadStylesheet(config.APP_ACCENT_COLOR) });
  const app = next({ dev: false, dir: projectRoot, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer(
    withRequestLog(log, (req, res) => {
      const pathname = (req.url ?? '/').split('?')[0]!;
      handleAppHealth(pathname, res, config, db)
        .then((handled) => handled || flowPages(req, res))
        .then((handled) => (handled ? undefined : handle(req, res)))
        .catch((err: unknown) => {
          log.error({ err }, 'request failed');
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('Something went wrong. Please try again.');
        });
    }),
  );
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, hostname, resolve));
  log.info({ port, hydraAdmin: config.HYDRA_ADMIN_URL }, 'app listening');
  registerAppClient(config, log);
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void db.$disconnect().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`gatehouse app: ${err instanceof ConfigError ? err.message : `failed to start: ${err instanceof Error ? err.message : String(err)}`}`);
  process.exit(1);
});
