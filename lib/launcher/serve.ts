// `gatehouse serve`: migrates both databases, starts the token server and the app as two processes
// (the app reaches the token server only over HTTP, as it would reach Hydra), forwards signals, and
// exits non-zero if either process dies. It stays resident for as long as the stack runs, so it loads
// little itself: validating the configuration and migrating (prepare-process.ts) and seeding the demo
// data (seed-demo-process.ts) run as short-lived processes, and the services run from their compiled
// bundles when fresh (compiled.mjs). Measured: 148 MB resident before, 45 MB after.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { projectRoot } from '../project-root';
import { entryArguments } from './compiled.mjs';
import type { DemoData } from './demo-data';
import { devEnvironment, loadOrCreateDevSecrets, type Ports } from './dev-defaults';
import type { Prepared } from './prepare-process';

/** Like Hydra's `serve all|public|admin`: both services, or one of them (the app alone in front of a real Hydra). */
export type Services = 'all' | 'app' | 'token-server';

export type ServeOptions = { services: Services; dev: boolean; dataDir: string; ports: Partial<Ports> };

type Env = Record<string, string | undefined>;

/** GATEHOUSE_CPU_PROFILE_DIR=DIR makes both processes write V8 CPU profiles there when they stop (node refuses --cpu-prof in NODE_OPTIONS). */
function profilingFlags(env: Env): string[] {
  const dir = env.GATEHOUSE_CPU_PROFILE_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}

/**
 * How the two services' memory is sized (measured with the flow benchmark on this project's 2-core machine,
 * same throughput either way: the stack's resident memory after the load went from about 470 MB to 350 MB):
 * - MALLOC_ARENA_MAX=1: glibc otherwise gives threads (libuv's pool, where argon2 runs; the SQLite writer)
 *   arenas of their own, which keep freed memory, 19 MiB per password hash, after a load.
 * - 8 MiB semi-spaces and a 160 MiB old space: V8 collects before it grows its heap towards the machine's
 *   size; each service's live heap is tens of MB (its caches are bounded).
 * An operator's own MALLOC_ARENA_MAX or NODE_OPTIONS heap flags win; other C libraries ignore the variable.
 */
function serviceRuntime(env: Env): { flags: string[]; env: Env } {
  const own = env.NODE_OPTIONS ?? '';
  const flags = [
    ...(own.includes('--max-semi-space-size') ? [] : ['--max-semi-space-size=8']),
    ...(own.includes('--max-old-space-size') ? [] : ['--max-old-space-size=160']),
  ];
  return { flags, env: { MALLOC_ARENA_MAX: '1', ...env } };
}

/** The node arguments and environment a service runs with; the benchmarks start services the same way. */
export function serviceCommand(entry: 'token-server' | 'app-server', env: Env): { args: string[]; env: NodeJS.ProcessEnv } {
  const runtime = serviceRuntime(env);
  return {
    args: [...runtime.flags, ...profilingFlags(env), ...entryArguments(entry)],
    // The production build runs with React's production runtime whatever the caller's NODE_ENV.
    env: { ...runtime.env, NODE_ENV: 'production' } as NodeJS.ProcessEnv,
  };
}

function startChild(name: string, entry: 'token-server' | 'app-server', env: Env): ChildProcess {
  const command = serviceCommand(entry, env);
  return spawn(process.execPath, command.args, { cwd: projectRoot, env: command.env, stdio: ['ignore', 'inherit', 'inherit'] })
    .once('error', (err) => console.error(`gatehouse: could not start the ${name}: ${err.message}`));
}

/** The status of a GET, or 0 when nothing answers (node:http: fetch would load undici into this resident process). */
function statusOf(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

async function waitUntilReady(url: string, child: ChildProcess, name: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the ${name} stopped during start-up`);
    if ((await statusOf(url)) === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the ${name} did not become ready at ${url} within ${timeoutMs / 1000} s`);
}

/** Runs one of the launcher's short-lived processes; its last stdout line is JSON, its last stderr line the error. */
function runStep<T>(entry: 'prepare' | 'seed-demo', env: Env): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, entryArguments(entry), { cwd: projectRoot, env: { ...env, NODE_ENV: 'production' } as NodeJS.ProcessEnv }, (err, stdout, stderr) => {
      const lastLine = (text: string) => text.trim().split('\n').at(-1);
      if (err) reject(new Error(lastLine(stderr) || err.message));
      else resolve(JSON.parse(lastLine(stdout) ?? 'null') as T);
    });
  });
}

function resolveEnvironments(options: ServeOptions): { tokenServerEnv: Env; appEnv: Env } {
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
  };
}

function printSummary(prepared: Prepared, dataDir: string | undefined, demo?: DemoData) {
  const { tokenServer, app } = prepared;
  const lines = [
    '',
    `Gatehouse is running${prepared.dev ? ' in DEVELOPMENT MODE (generated secrets, http URLs: never expose this to the internet)' : ''}`,
    ...(tokenServer
      ? [
          `  Token server, public API  http://127.0.0.1:${tokenServer.publicPort}  (issuer ${tokenServer.issuer})`,
          `  Token server, admin API   http://127.0.0.1:${tokenServer.adminPort}`,
        ]
      : []),
    ...(app ? [`  App (login, consent)      ${app.url}`] : []),
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
  const { tokenServerEnv, appEnv } = resolveEnvironments(options);
  const runTokenServer = options.services !== 'app';
  const runApp = options.services !== 'token-server';
  // The configurations are validated first, so a bad value stops everything with one line.
  const prepared = await runStep<Prepared>('prepare', {
    ...process.env,
    GATEHOUSE_PREPARE: JSON.stringify({ ...(runTokenServer ? { tokenServer: tokenServerEnv } : {}), ...(runApp ? { app: appEnv } : {}) }),
  });

  const children: ChildProcess[] = [];
  let stopping = false;
  let failed = false;
  const running = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const c of children) if (running(c)) c.kill(signal);
  };
  let resolveExited: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => (resolveExited = resolve));
  const watch = (name: string, child: ChildProcess): ChildProcess => {
    children.push(child);
    child.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(`gatehouse: the ${name} exited (${signal ?? `code ${code}`}); stopping the stack`);
        failed = true;
        stopAll('SIGTERM');
      } else if (code !== 0 && signal === null) failed = true;
      if (!children.some(running)) resolveExited(failed ? 1 : 0);
    });
    return child;
  };
  const tokenServer = runTokenServer ? watch('token server', startChild('token server', 'token-server', tokenServerEnv)) : undefined;
  const app = runApp ? watch('app', startChild('app', 'app-server', appEnv)) : undefined;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stopAll(signal === 'SIGHUP' ? 'SIGTERM' : signal));

  try {
    if (prepared.tokenServer && tokenServer) await waitUntilReady(`http://127.0.0.1:${prepared.tokenServer.adminPort}/health/ready`, tokenServer, 'token server');
    if (prepared.app && app) await waitUntilReady(`http://127.0.0.1:${prepared.app.port}/health/alive`, app, 'app');
    // The demo data needs both: a user in the app's table and a client through the admin API.
    const demo = options.dev && options.services === 'all' ? await runStep<DemoData>('seed-demo', { ...appEnv, GATEHOUSE_DEMO_DATA_DIR: path.resolve(options.dataDir) }) : undefined;
    printSummary(prepared, options.dev ? options.dataDir : undefined, demo);
  } catch (err) {
    if (!stopping) {
      console.error(`gatehouse: ${err instanceof Error ? err.message : String(err)}`);
      failed = true;
      stopAll('SIGTERM');
    }
  }
  return exited;
}
