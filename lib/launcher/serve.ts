// `gatehouse serve`: migrates both databases, starts the token server and the app as two processes
// (the app reaches the token server only over HTTP, as it would reach Hydra), forwards signals, and
// exits non-zero if either process dies.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAppConfig, loadTokenServerConfig } from '../config';
import { migrate } from '../db/migrate';
import { devEnvironment, loadOrCreateDevSecrets, type DevSecrets, type Ports } from './dev-defaults';
import { seedDemoData, type DemoData } from './demo-data';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type ServeOptions = { dev: boolean; dataDir: string; ports: Partial<Ports> };

type Env = Record<string, string | undefined>;

function startChild(name: string, entry: string, env: Env): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, entry)], {
    cwd: projectRoot,
    // The production build runs with React's production runtime whatever the caller's NODE_ENV.
    env: { ...env, NODE_ENV: 'production' } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
  }).once('error', (err) => console.error(`gatehouse: could not start the ${name}: ${err.message}`));
}

async function waitUntilReady(url: string, child: ChildProcess, name: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the ${name} stopped during start-up`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the ${name} did not become ready at ${url} within ${timeoutMs / 1000} s`);
}

function resolveEnvironments(options: ServeOptions): { tokenServerEnv: Env; appEnv: Env; secrets?: DevSecrets } {
  if (!options.dev) return { tokenServerEnv: { ...process.env }, appEnv: { ...process.env } };
  fs.mkdirSync(options.dataDir, { recursive: true });
  const secrets = loadOrCreateDevSecrets(options.dataDir);
  const fromEnv = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  // Ports: command line, then environment, then Hydra's defaults; every dev URL is derived from them.
  const ports: Ports = {
    publicPort: options.ports.publicPort ?? fromEnv('SERVE_PUBLIC_PORT') ?? 4444,
    adminPort: options.ports.adminPort ?? fromEnv('SERVE_ADMIN_PORT') ?? 4445,
    appPort: options.ports.appPort ?? fromEnv('PORT') ?? 3000,
  };
  const defaults = devEnvironment(options.dataDir, ports, secrets);
  const portEnv = { SERVE_PUBLIC_PORT: String(ports.publicPort), SERVE_ADMIN_PORT: String(ports.adminPort), PORT: String(ports.appPort) };
  return {
    tokenServerEnv: { ...defaults.tokenServer, ...process.env, ...portEnv },
    appEnv: { ...defaults.app, ...process.env, ...portEnv },
    secrets,
  };
}

function printSummary(tsConfig: ReturnType<typeof loadTokenServerConfig>, appUrl: string, dataDir: string | undefined, demo?: DemoData) {
  const lines = [
    '',
    `Gatehouse is running${tsConfig.dev ? ' in DEVELOPMENT MODE (generated secrets, http URLs: never expose this to the internet)' : ''}`,
    `  Token server, public API  http://127.0.0.1:${tsConfig.SERVE_PUBLIC_PORT}  (issuer ${tsConfig.URLS_SELF_ISSUER})`,
    `  Token server, admin API   http://127.0.0.1:${tsConfig.SERVE_ADMIN_PORT}`,
    `  App (login, consent)      ${appUrl}`,
  ];
  if (dataDir) lines.push(`  Data directory            ${path.resolve(dataDir)}`);
  if (demo) {
    lines.push(
      `  Demo user                 ${demo.userEmail}  password: ${demo.password}`,
      `  Demo admin                ${demo.adminEmail}  password: ${demo.password}`,
      `  Demo OAuth2 client        client_id: ${demo.clientId}  client_secret: ${demo.clientSecret}`,
      `                            redirect URI ${demo.redirectUri}`,
    );
  }
  lines.push('Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
}

export async function serve(options: ServeOptions): Promise<number> {
  const { tokenServerEnv, appEnv, secrets } = resolveEnvironments(options);
  // Both configurations are validated here first, so a bad value stops everything with one line.
  const tsConfig = loadTokenServerConfig(tokenServerEnv);
  const appConfig = loadAppConfig(appEnv);
  if (!fs.existsSync(path.join(projectRoot, '.next', 'BUILD_ID'))) {
    throw new Error('no production build of the app was found; run `npm run build` first');
  }
  if (tsConfig.DSN.kind !== 'memory') await migrate('token-server', tsConfig.DSN);
  await migrate('app', appConfig.DATABASE_URL);

  const children: ChildProcess[] = [];
  let stopping = false;
  let failed = false;
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill(signal);
  };
  const running = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;
  const exited = new Promise<number>((resolve) => {
    const watch = (name: string, child: ChildProcess) => {
      children.push(child);
      child.on('exit', (code, signal) => {
        if (!stopping) {
          console.error(`gatehouse: the ${name} exited (${signal ?? `code ${code}`}); stopping the stack`);
          failed = true;
          stopAll('SIGTERM');
        } else if (code !== 0 && signal === null) failed = true;
        if (!children.some(running)) resolve(failed ? 1 : 0);
      });
    };
    watch('token server', startChild('token server', 'lib/token-server/main.ts', tokenServerEnv));
    watch('app', startChild('app', 'lib/app-server/main.ts', appEnv));
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stopAll(signal === 'SIGHUP' ? 'SIGTERM' : signal));

  try {
    const [tokenServer, app] = children as [ChildProcess, ChildProcess];
    await waitUntilReady(`http://127.0.0.1:${tsConfig.SERVE_ADMIN_PORT}/health/ready`, tokenServer, 'token server');
    await waitUntilReady(`http://127.0.0.1:${appEnv.PORT ?? 3000}/health/alive`, app, 'app');
    const demo = secrets ? await seedDemoData(appConfig, secrets) : undefined;
    printSummary(tsConfig, appConfig.APP_URL, options.dev ? options.dataDir : undefined, demo);
  } catch (err) {
    if (!stopping) {
      console.error(`gatehouse: ${err instanceof Error ? err.message : String(err)}`);
      failed = true;
      stopAll('SIGTERM');
    }
  }
  return exited;
}
