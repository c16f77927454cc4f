// npm run bench [-- --quick]
// The whole sign-in flow under load, Gatehouse side by side with Ory's reference login app
// (hydra-login-consent-logout), each in front of the packaged token server, on this machine, in one
// run, alternating the two. Writes bench-results/latest/{report.md,flows.svg,report.json} and prints
// a one-line JSON summary.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hashPassword } from '../../lib/users/password-hash';
import { authorizationCodeFlow } from './authorization-code-flow';
import { FlowClient } from './flow-client';
import { runFlowLoad, type Variant } from './flow-load';
import { runLoad } from './load';
import { weighPage } from './page-weight';
import { cpuMs, residentMb } from './processes';
import { markdown, ratio, stackMb, svgChart, type BenchReport, type FlowRun } from './report';
import { startTargets, type Target } from './targets';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, seconds: { type: 'string' } } });
const concurrencies = values.quick ? [8] : [1, 8, 32];
const seconds = Number(values.seconds ?? (values.quick ? 4 : 15));
const variants: Variant[] = ['fresh', 'remembered'];

async function measureHashMs(): Promise<number> {
  await hashPassword('warm-up-password');
  const started = performance.now();
  for (let i = 0; i < 5; i++) await hashPassword(`benchmark-password-${i}`);
  return Math.round(((performance.now() - started) / 5) * 10) / 10;
}

/** Walks one fresh flow by hand to weigh the login and consent pages a browser receives. */
async function weighPages(t: Target) {
  const client = new FlowClient();
  const auth = new URL('/oauth2/auth', t.flow.publicUrl);
  auth.search = new URLSearchParams({ response_type: 'code', client_id: t.flow.clientId, redirect_uri: t.flow.redirectUri, scope: t.flow.scope, state: 'weigh-state', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' }).toString();
  const login = await client.follow(auth, () => false);
  const weights = [await weighPage('/login', login.url, login.body, client)];
  const s = client.submission(login.url, login.body, 'accept', (fields) => {
    for (const f of fields) {
      if (f.id === 'email') f.value = t.flow.email;
      if (f.id === 'password') f.value = t.flow.password;
    }
  });
  const consent = await client.follow(s.target, () => false, s.init);
  weights.push(await weighPage('/consent', consent.url, consent.body, client));
  return { app: t.app, weights };
}

async function main() {
  const started = Date.now();
  const hashMs = await measureHashMs();
  const { targets, stop } = await startTargets();
  // Ctrl-C (or a CI timeout's SIGTERM) still stops every process the benchmark started.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().finally(() => process.exit(130)));
  try {
    await new Promise((r) => setTimeout(r, 2000));
    const idle = new Map(targets.flatMap((t) => t.services.map((s) => [s.name, residentMb(s.pid)] as const)));
    // One flow of each variant first, so a broken setup fails in seconds rather than after the load.
    for (const t of targets) await authorizationCodeFlow(new FlowClient(), t.flow);
    const pages = [];
    for (const t of targets) pages.push(await weighPages(t));

    const runs: FlowRun[] = [];
    let round = 0;
    for (const concurrency of concurrencies) {
      for (const variant of variants) {
        // Alternate which app goes first, so neither always runs on a warmer or cooler machine.
        const order = round++ % 2 === 0 ? targets : [...targets].reverse();
        for (const t of order) {
          // CPU each process spent per flow (the load generator's includes priming remembered browsers).
          const before = t.services.map((svc) => cpuMs(svc.pid));
          const own = process.cpuUsage();
          const result = await runFlowLoad(t.flow, variant, concurrency, seconds);
          const spent = process.cpuUsage(own);
          const perFlow = (ms: number) => Math.round((ms / Math.max(1, result.flows)) * 100) / 100;
          const cpuMsPerFlow = Object.fromEntries([
            ...t.services.map((svc, i) => [svc.name, perFlow(cpuMs(svc.pid) - before[i]!)] as const),
            ['load generator', perFlow((spent.user + spent.system) / 1000)] as const,
          ]);
          runs.push({ app: t.app, variant, concurrency, result, cpuMsPerFlow });
          console.error(`${t.app} ${variant} c=${concurrency}: ${result.perSecond} flows/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.errors} errors${result.firstError ? ` (${result.firstError})` : ''}`);
        }
      }
    }

    const gatehouse = targets.find((t) => t.app === 'gatehouse')!;
    const basic = `Basic ${Buffer.from(`${encodeURIComponent(gatehouse.flow.clientId)}:${encodeURIComponent(gatehouse.flow.clientSecret)}`).toString('base64')}`;
    const tokens: string[] = [];
    const ccSeconds = Math.max(3, Math.round(seconds / 2));
    const clientCredentials = await runLoad({
      concurrency: 32,
      seconds: ccSeconds,
      next: () => ({ method: 'POST', url: new URL('/oauth2/token', gatehouse.flow.publicUrl), headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' }),
      check: (status) => status === 200,
      onSuccess: (body) => void (tokens.length < 20_000 && tokens.push((JSON.parse(body) as { access_token: string }).access_token)),
    });
    const introspection = await runLoad({
      concurrency: 32,
      seconds: ccSeconds,
      next: (w, i) => ({ method: 'POST', url: new URL('/admin/oauth2/introspect', gatehouse.adminUrl), headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${encodeURIComponent(tokens[(w * 7919 + i) % Math.max(1, tokens.length)] ?? 'none')}` }),
      check: (status, body) => status === 200 && body.includes('"active":true'),
    });

    const memory = targets.flatMap((t) => t.services.map((s) => ({ app: t.app, name: s.name, idleMb: idle.get(s.name) ?? 0, afterMb: residentMb(s.pid) })));
    const report: BenchReport = {
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      command: `npm run bench${values.quick ? ' -- --quick' : ''}`,
      hashMs,
      runs,
      clientCredentials,
      introspection,
      pages,
      memory,
    };
    const dir = path.resolve('bench-results', 'latest');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'report.md'), markdown(report));
    fs.writeFileSync(path.join(dir, 'flows.svg'), svgChart(runs));
    fs.writeFileSync(path.join(dir, 'report.json'), JSON.stringify(report, null, 2));
    const top = concurrencies.at(-1)!;
    const best = (app: string, variant: Variant) => Math.max(...runs.filter((r) => r.app === app && r.variant === variant).map((r) => r.result.perSecond));
    console.log(JSON.stringify({
      report: path.relative(process.cwd(), path.join(dir, 'report.md')),
      seconds: Math.round((Date.now() - started) / 1000),
      freshFlowsPerSecond: best('gatehouse', 'fresh'),
      rememberedFlowsPerSecond: best('gatehouse', 'remembered'),
      ratioFresh: ratio(runs, 'fresh', top),
      ratioRemembered: ratio(runs, 'remembered', top),
      errors: runs.reduce((n, r) => n + r.result.errors, 0),
      clientCredentialsPerSecond: clientCredentials.perSecond,
      introspectionsPerSecond: introspection.perSecond,
      loginJsBytes: pages.find((p) => p.app === 'gatehouse')?.weights[0]?.jsBytes,
      // The target's measure: Gatehouse's /login time to first byte, p50 ms, at concurrency 8.
      loginFirstByteP50AtC8: Object.fromEntries(
        runs.filter((r) => r.app === 'gatehouse' && r.concurrency === 8).map((r) => [r.variant, r.result.steps['GET /login']?.firstByte.p50]),
      ),
      maxResidentMb: Math.max(...memory.map((m) => m.afterMb)),
      gatehouseStackResidentMb: Math.round(stackMb(memory, 'gatehouse', 'afterMb')),
    }));
  } finally {
    await stop();
  }
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
