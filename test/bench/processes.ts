// The processes a benchmark measures: Gatehouse's whole stack through its own launcher, and Ory's
// reference login app (installed from npm on first use) in front of a second packaged token server.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../support/ports';
import { serviceCommand } from '../../lib/launcher/serve';
import { startStack, type Stack } from '../support/stack';
import { tokenServerEnvironment } from '../support/token-server';

export const REFERENCE_APP_VERSION = '25.4.0';
export const REFERENCE_USER = { email: 'foo@bar.com', password: 'foobar' };
const BENCH_DIR = path.resolve('bench-results');

export type Service = { name: string; pid: number };

export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Installs hydra-login-consent-logout once into bench-results/ (git-ignored) and returns its entry point. */
export function ensureReferenceApp(): string {
  const dir = path.join(BENCH_DIR, 'reference-app');
  const entry = path.join(dir, 'node_modules', 'hydra-login-consent-logout', 'lib', 'app.js');
  if (!fs.existsSync(entry)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'reference-app', private: true }));
    console.error(`installing hydra-login-consent-logout@${REFERENCE_APP_VERSION} into ${dir}`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `hydra-login-consent-logout@${REFERENCE_APP_VERSION}`], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return entry;
}

/** /proc's resident set size of a process, in MB (0 when it is gone). */
export function residentMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 102.4) / 10;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) a process has used so far, in milliseconds, from /proc (0 when it is gone). */
export function cpuMs(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces) start at state; utime and stime are the 12th and 13th of those.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** USER_HZ: 100 on every Linux that Node supports. */
const CLOCK_TICKS = 100;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function childPids(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** A process's command line from /proc ('' when it is gone). */
function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

/** The descendant of `root` whose command line matches: services are found by what they run, not by pid order. */
function descendantRunning(root: number, marker: RegExp): number {
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (pid !== root && marker.test(commandLine(pid))) return pid;
    queue.push(...childPids(pid));
  }
  throw new Error(`no process matching ${marker} under pid ${root}`);
}

/** A service runs from its source (through tsx) or from its compiled bundle (lib/launcher/compiled.mjs). */
const TOKEN_SERVER = /lib\/token-server\/main\.ts|lib\/generated\/server\/token-server\.js/;
const APP_SERVER = /lib\/app-server\/main\.ts|lib\/generated\/server\/app-server\.js/;

export type GatehouseUnderTest = { stack: Stack; services: Service[] };

export async function startGatehouse(): Promise<GatehouseUnderTest> {
  const stack = await startStack({ LOG_LEVEL: 'warn' });
  try {
    return {
      stack,
      services: [
        { name: 'gatehouse token server', pid: descendantRunning(stack.pid, TOKEN_SERVER) },
        { name: 'gatehouse app', pid: descendantRunning(stack.pid, APP_SERVER) },
        // `npm start`'s launcher stays resident while the stack runs, so it counts towards the stack.
        { name: 'gatehouse launcher', pid: stack.pid },
      ],
    };
  } catch (err) {
    await stack.stop();
    throw err;
  }
}

export type ReferenceUnderTest = { publicUrl: string; adminUrl: string; appUrl: string; services: Service[]; stop: () => Promise<void> };

export async function startReference(): Promise<ReferenceUnderTest> {
  const entry = ensureReferenceApp();
  const [publicPort, adminPort, appPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = fs.mkdtempSync(path.join(BENCH_DIR, 'reference-data-'));
  const appUrl = `http://127.0.0.1:${appPort}`;
  const publicUrl = `http://127.0.0.1:${publicPort}`;
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  const children: ChildProcess[] = [];
  // Run as `gatehouse serve` runs Gatehouse's own: the same entry (bundle when fresh), flags and environment.
  const referenceTokenServer = serviceCommand('token-server', { ...process.env, ...tokenServerEnvironment({ publicPort, adminPort, appUrl, dsn: `sqlite://${path.join(dataDir, 'token-server.sqlite')}` }) });
  children.push(
    spawn(process.execPath, [...referenceTokenServer.args, '--migrate'], {
      env: referenceTokenServer.env,
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    }),
  );
  // The reference app logs every request through morgan; its output is discarded, as Gatehouse's is at warn.
  children.push(
    spawn(process.execPath, [entry], { env: { ...process.env, NODE_ENV: 'production', PORT: String(appPort), HYDRA_ADMIN_URL: adminUrl }, stdio: ['ignore', 'ignore', 'inherit'], detached: true }),
  );
  // Each child leads its own process group, so whatever it started goes with it, even after a hard stop.
  const stop = async () => {
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : (c.once('exit', r), killGroup(c.pid!, 'SIGTERM'))))));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${adminUrl}/health/ready`);
    await waitFor(`${appUrl}/`);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    publicUrl, adminUrl, appUrl, stop,
    services: [{ name: 'reference token server', pid: children[0]!.pid! }, { name: 'reference app', pid: children[1]!.pid! }],
  };
}

export async function createBenchClient(adminUrl: string, redirectUri: string) {
  const res = await fetch(`${adminUrl}/admin/clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: 'Benchmark client',
      grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
      response_types: ['code'],
      scope: 'openid offline_access profile email',
      redirect_uris: [redirectUri],
    }),
  });
  if (!res.ok) throw new Error(`creating the benchmark client failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { client_id: string; client_secret: string };
}
