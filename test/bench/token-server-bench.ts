// npm run bench:token-server [-- --seconds 10 --concurrency 32 --dsn sqlite|postgres]
// Starts the packaged token server as its own process (SQLite by default, opaque tokens), then
// measures client_credentials grants (client_secret_basic) and introspections over keep-alive
// connections, from this process, on the same machine: half the issued tokens introspected once each
// (nothing cached), then all tokens introspected again (about three times each), then 1,000 tokens
// introspected again and again. Prints a table and one JSON line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serviceCommand } from '../../lib/launcher/serve';
import { freePort } from '../support/ports';
import { tokenServerEnvironment } from '../support/token-server';
import { runLoad, type LoadResult } from './load';
import { cpuMs, residentMb } from './processes';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '32' },
    dsn: { type: 'string', default: 'sqlite' },
    strategy: { type: 'string', default: 'opaque' },
    profile: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);

async function waitReady(url: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`token server not ready at ${url}`);
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-'));
  const [publicPort, adminPort] = [await freePort(), await freePort()];
  const schema = `bench_${process.pid}`;
  const dsn = values.dsn === 'postgres' ? `postgres://postgres@127.0.0.1:5432/test?schema=${schema}` : `sqlite://${path.join(dir, 'bench.sqlite')}`;
  const publicUrl = `http://127.0.0.1:${publicPort}`;
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  // Run as `gatehouse serve` runs it: the same entry (bundle when fresh), heap flags and environment;
  // --profile DIR writes a V8 CPU profile of the server to DIR, to see what dominates.
  const command = serviceCommand('token-server', {
    ...process.env,
    ...tokenServerEnvironment({ publicPort, adminPort, dsn }),
    STRATEGIES_ACCESS_TOKEN: values.strategy,
    ...(values.profile ? { GATEHOUSE_CPU_PROFILE_DIR: values.profile } : {}),
  });
  const server = spawn(process.execPath, [...command.args, '--migrate'], {
    env: command.env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitReady(`${adminUrl}/health/ready`);
    const created = await fetch(`${adminUrl}/admin/clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_types: ['client_credentials'], scope: process.env.BENCH_SCOPE ?? 'read write', token_endpoint_auth_method: 'client_secret_basic' }),
    });
    const client = (await created.json()) as { client_id: string; client_secret: string };
    const basic = `Basic ${Buffer.from(`${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`).toString('base64')}`;
    const tokens: string[] = [];

    // The server's own CPU time per answered request: what a request costs, whatever the load generator takes.
    const serverCpu = async (load: () => Promise<LoadResult>) => {
      const before = cpuMs(server.pid!);
      const result = await load();
      return { ...result, serverCpuUsPerRequest: Math.round(((cpuMs(server.pid!) - before) * 1000) / Math.max(1, result.requests + result.errors)) };
    };
    const grant = await serverCpu(() => runLoad({
      concurrency,
      seconds,
      next: () => ({
        method: 'POST',
        url: new URL('/oauth2/token', publicUrl),
        headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
        body: `grant_type=client_credentials&scope=${process.env.BENCH_SCOPE ?? 'read'}`,
      }),
      check: (status) => status === 200,
      onSuccess: (body) => {
        if (tokens.length < 50_000) tokens.push((JSON.parse(body) as { access_token: string }).access_token);
      },
    }));
    const introspectRequest = (token: string) => ({
      method: 'POST',
      url: new URL('/admin/oauth2/introspect', adminUrl),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${encodeURIComponent(token)}`,
    });
    const isActive = (status: number, body: string) => status === 200 && body.includes('"active":true');
    // Each token's first introspection: nothing of it is cached yet, so every answer reads the database.
    const firstSight = tokens.slice(0, Math.floor(tokens.length / 2));
    let nextUnseen = 0;
    const uncached = await serverCpu(() => runLoad({
      concurrency,
      seconds,
      next: () => introspectRequest(firstSight[nextUnseen++ % firstSight.length]!),
      check: isActive,
      stopWhen: () => nextUnseen >= firstSight.length,
    }));
    // Then tokens asked about again and again, as a resource server does on each call it receives.
    const introspection = await serverCpu(() => runLoad({
      concurrency,
      seconds,
      next: (worker, i) => introspectRequest(tokens[(worker * 7919 + i) % tokens.length]!),
      check: isActive,
    }));

    // A few busy clients: 1,000 tokens, each introspected again and again (all cached after the first).
    const hot = await serverCpu(() => runLoad({
      concurrency,
      seconds,
      next: (worker, i) => introspectRequest(tokens[(worker * 31 + i) % Math.min(1000, tokens.length)]!),
      check: isActive,
    }));

    const rows = [
      ['client_credentials (client_secret_basic)', grant],
      ['introspection, first time each token (uncached)', uncached],
      ['introspection, tokens asked again (active tokens)', introspection],
      ['introspection, 1,000 tokens asked again and again', hot],
    ] as const;
    console.log(`token server benchmark: ${values.dsn}, ${values.strategy} tokens, concurrency ${concurrency}, ${seconds} s each, ${os.cpus().length} CPUs`);
    console.log('| operation | per second | p50 ms | p95 ms | p99 ms | requests | errors | server CPU µs/request |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const [name, r] of rows) console.log(`| ${name} | ${r.perSecond} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.requests} | ${r.errors} | ${r.serverCpuUsPerRequest} |`);
    const serverRssMb = residentMb(server.pid!);
    console.log(`token server resident memory after the run: ${serverRssMb} MB`);
    console.log(JSON.stringify({ engine: values.dsn, strategy: values.strategy, concurrency, seconds, clientCredentials: grant, uncachedIntrospection: uncached, introspection, hotIntrospection: hot, serverRssMb }));
  } finally {
    server.kill('SIGINT');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
