// Starts the whole stack the way the quick start does (`gatehouse serve --dev`), on free ports with a
// throw-away data directory, and stops it (and every process it started) after.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './databases';
import { freePort } from './ports';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type Stack = {
  appUrl: string;
  publicUrl: string;
  adminUrl: string;
  dataDir: string;
  /** The launcher's pid, also the id of the process group holding every process of the stack. */
  pid: number;
  demo: { email: string; adminEmail: string; password: string; clientId: string; clientSecret: string };
  output: () => string;
  stop: (options?: { keepData?: boolean }) => Promise<void>;
};

/** Starts on free ports; pass `dataDir` to start again on the data of an earlier run. */
export async function startStack(env: Record<string, string> = {}, existingDataDir?: string): Promise<Stack> {
  const [publicPort, adminPort, appPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = existingDataDir ?? tempDir('gatehouse-stack-');
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['lib/cli/bin.mjs', 'serve', '--dev', '--data-dir', dataDir, '--public-port', String(publicPort), '--admin-port', String(adminPort), '--app-port', String(appPort)],
    { cwd: projectRoot, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));

  const stop = async (options: { keepData?: boolean } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 120_000;
  while (!output.includes('Press Ctrl-C to stop.')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the stack did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const secrets = JSON.parse(fs.readFileSync(path.join(dataDir, 'dev-secrets.json'), 'utf8')) as { demoPassword: string; demoClientSecret: string };
  return {
    appUrl: `http://127.0.0.1:${appPort}`,
    publicUrl: `http://127.0.0.1:${publicPort}`,
    adminUrl: `http://127.0.0.1:${adminPort}`,
    dataDir,
    pid: child.pid!,
    demo: { email: 'demo@example.com', adminEmail: 'admin@example.com', password: secrets.demoPassword, clientId: 'gatehouse-demo', clientSecret: secrets.demoClientSecret },
    output: () => output,
    stop,
  };
}
