// The launcher's start-up work, run as a short-lived process of its own: validate both services'
// configuration (a bad value stops everything with one line) and migrate both databases. The launcher
// stays resident for as long as the stack runs, and this way never loads the configuration schemas or
// the database drivers (see serve.ts). Reads GATEHOUSE_PREPARE, JSON {tokenServer?, app?} environments
// of the services to run; prints one JSON line with what the launcher shows; on failure, the one line on
// stderr and exit 1.
import fs from 'node:fs';
import { loadAppConfig, loadTokenServerConfig } from '../config';
import { migrate } from '../db/migrate';
import { projectPath } from '../project-root';

export type Prepared = {
  dev: boolean;
  tokenServer?: { publicPort: number; adminPort: number; issuer: string };
  app?: { url: string; port: string };
};

type Env = Record<string, string | undefined>;

try {
  const { tokenServer, app } = JSON.parse(process.env.GATEHOUSE_PREPARE ?? '{}') as { tokenServer?: Env; app?: Env };
  // Every configuration first, so a bad value stops everything before any database is touched.
  const tsConfig = tokenServer && loadTokenServerConfig(tokenServer);
  const appConfig = app && loadAppConfig(app);
  if (appConfig && !fs.existsSync(projectPath('.next', 'BUILD_ID'))) {
    throw new Error('no production build of the app was found; run `npm run build` first');
  }
  if (tsConfig && tsConfig.DSN.kind !== 'memory') await migrate('token-server', tsConfig.DSN);
  if (appConfig) await migrate('app', appConfig.DATABASE_URL);
  const prepared: Prepared = {
    dev: Boolean(tsConfig?.dev ?? appConfig?.dev),
    ...(tsConfig ? { tokenServer: { publicPort: tsConfig.SERVE_PUBLIC_PORT, adminPort: tsConfig.SERVE_ADMIN_PORT, issuer: tsConfig.URLS_SELF_ISSUER } } : {}),
    ...(appConfig ? { app: { url: appConfig.APP_URL, port: app?.PORT ?? '3000' } } : {}),
  };
  process.stdout.write(`${JSON.stringify(prepared)}\n`);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
