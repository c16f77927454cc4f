// The flow benchmark's report: a Markdown table and an SVG line chart of flows/s by concurrency.
import type { FlowLoadResult, Variant } from './flow-load';
import type { LoadResult } from './load';
import type { PageWeight } from './page-weight';

export type AppName = 'gatehouse' | 'reference';
export type FlowRun = { app: AppName; variant: Variant; concurrency: number; result: FlowLoadResult; cpuMsPerFlow: Record<string, number> };
export type Memory = { app: AppName; name: string; idleMb: number; afterMb: number };
export type BenchReport = {
  machine: string;
  date: string;
  command: string;
  hashMs: number;
  runs: FlowRun[];
  clientCredentials: LoadResult;
  introspection: LoadResult;
  pages: { app: AppName; weights: PageWeight[] }[];
  memory: Memory[];
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function ratio(runs: FlowRun[], variant: Variant, concurrency: number): number | undefined {
  const g = runs.find((r) => r.app === 'gatehouse' && r.variant === variant && r.concurrency === concurrency)?.result.perSecond;
  const ref = runs.find((r) => r.app === 'reference' && r.variant === variant && r.concurrency === concurrency)?.result.perSecond;
  return g !== undefined && ref ? Math.round((g / ref) * 100) / 100 : undefined;
}

export function markdown(r: BenchReport): string {
  const lines = [
    `# Sign-in flow benchmark`,
    '',
    `${r.date} on ${r.machine}; \`${r.command}\`. SQLite, opaque tokens, load generator on the same machine.`,
    `One argon2id password hash (19 MiB, 2 iterations) costs ${r.hashMs} ms here.`,
    '',
    '## Whole authorization-code flows (PKCE), flows per second',
    '',
    '| variant | concurrency | Gatehouse flows/s | p50 / p95 / p99 ms | reference flows/s | p50 / p95 / p99 ms | ratio | errors (G / ref) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const keys = [...new Set(r.runs.map((x) => `${x.variant}:${x.concurrency}`))];
  for (const key of keys) {
    const [variant, c] = key.split(':') as [Variant, string];
    const g = r.runs.find((x) => x.app === 'gatehouse' && x.variant === variant && x.concurrency === Number(c))?.result;
    const ref = r.runs.find((x) => x.app === 'reference' && x.variant === variant && x.concurrency === Number(c))?.result;
    const lat = (x?: FlowLoadResult) => (x ? `${x.p50} / ${x.p95} / ${x.p99}` : '–');
    lines.push(`| ${variant} | ${c} | ${g?.perSecond ?? '–'} | ${lat(g)} | ${ref?.perSecond ?? '–'} | ${lat(ref)} | ${ratio(r.runs, variant, Number(c)) ?? '–'} | ${g?.errors ?? '–'} / ${ref?.errors ?? '–'} |`);
  }
  lines.push('', '## Steps of the flow (Gatehouse, highest concurrency), ms', '', '| variant | step | count | p50 | p95 | p99 |', '|---|---|---|---|---|---|');
  const maxC = Math.max(...r.runs.map((x) => x.concurrency));
  for (const run of r.runs.filter((x) => x.app === 'gatehouse' && x.concurrency === maxC)) {
    for (const [step, s] of Object.entries(run.result.steps)) lines.push(`| ${run.variant} | ${step} | ${s.count} | ${s.p50} | ${s.p95} | ${s.p99} |`);
  }
  lines.push('', '## Time to first byte of the pages, ms (p50 / p99)', '', '| app | variant | concurrency | GET /login | GET /consent |', '|---|---|---|---|---|');
  for (const run of r.runs) {
    const ttfb = (step: string) => {
      const s = run.result.steps[step];
      return s ? `${s.firstByte.p50} / ${s.firstByte.p99}` : '–';
    };
    lines.push(`| ${run.app} | ${run.variant} | ${run.concurrency} | ${ttfb('GET /login')} | ${ttfb('GET /consent')} |`);
  }
  lines.push('', '## CPU per flow, ms (highest concurrency)', '', '| app | variant | process | CPU ms per flow |', '|---|---|---|---|');
  for (const run of r.runs.filter((x) => x.concurrency === maxC)) {
    for (const [process, ms] of Object.entries(run.cpuMsPerFlow)) lines.push(`| ${run.app} | ${run.variant} | ${process} | ${ms} |`);
  }
  lines.push(
    '',
    '## Token server',
    '',
    '| operation | per second | p50 ms | p99 ms | errors |',
    '|---|---|---|---|---|',
    `| client_credentials | ${r.clientCredentials.perSecond} | ${r.clientCredentials.p50} | ${r.clientCredentials.p99} | ${r.clientCredentials.errors} |`,
    `| introspection | ${r.introspection.perSecond} | ${r.introspection.p50} | ${r.introspection.p99} | ${r.introspection.errors} |`,
    '',
    '## Page weight (gzip)',
    '',
    '| app | page | HTML | JavaScript | CSS |',
    '|---|---|---|---|---|',
  );
  for (const p of r.pages) for (const w of p.weights) lines.push(`| ${p.app} | ${w.page} | ${kb(w.htmlBytes)} | ${kb(w.jsBytes)} | ${kb(w.cssBytes)} |`);
  lines.push('', '## Resident memory', '', '| process | idle after start | after the load |', '|---|---|---|');
  for (const m of r.memory) lines.push(`| ${m.name} | ${m.idleMb} MB | ${m.afterMb} MB |`);
  for (const app of ['gatehouse', 'reference'] as const) {
    const tenth = (field: 'idleMb' | 'afterMb') => Math.round(stackMb(r.memory, app, field) * 10) / 10;
    if (r.memory.some((m) => m.app === app)) lines.push(`| **${app}, whole stack** | **${tenth('idleMb')} MB** | **${tenth('afterMb')} MB** |`);
  }
  lines.push('', '![flows per second by concurrency](flows.svg)', '');
  return lines.join('\n');
}

/** One stack's resident memory: the sum over its processes. */
export function stackMb(memory: readonly Memory[], app: Memory['app'], field: 'idleMb' | 'afterMb'): number {
  return memory.filter((m) => m.app === app).reduce((n, m) => n + m[field], 0);
}

export function svgChart(runs: FlowRun[]): string {
  const width = 640;
  const height = 360;
  const pad = { left: 60, right: 160, top: 30, bottom: 50 };
  const concurrencies = [...new Set(runs.map((r) => r.concurrency))].sort((a, b) => a - b);
  const maxY = Math.max(1, ...runs.map((r) => r.result.perSecond)) * 1.1;
  const x = (c: number) => pad.left + (concurrencies.indexOf(c) / Math.max(1, concurrencies.length - 1)) * (width - pad.left - pad.right);
  const y = (v: number) => height - pad.bottom - (v / maxY) * (height - pad.top - pad.bottom);
  const series: { app: AppName; variant: Variant; color: string; dash: string }[] = [
    { app: 'gatehouse', variant: 'fresh', color: '#4f46e5', dash: '' },
    { app: 'gatehouse', variant: 'remembered', color: '#4f46e5', dash: '6 4' },
    { app: 'reference', variant: 'fresh', color: '#d97706', dash: '' },
    { app: 'reference', variant: 'remembered', color: '#d97706', dash: '6 4' },
  ];
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`, `<rect width="100%" height="100%" fill="white"/>`];
  parts.push(`<text x="${pad.left}" y="18" font-size="14">Authorization-code flows per second by concurrency</text>`);
  for (let i = 0; i <= 4; i++) {
    const v = (maxY / 4) * i;
    parts.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e7eb"/>`, `<text x="${pad.left - 8}" y="${y(v) + 4}" text-anchor="end">${Math.round(v)}</text>`);
  }
  for (const c of concurrencies) parts.push(`<text x="${x(c)}" y="${height - pad.bottom + 18}" text-anchor="middle">${c}</text>`);
  parts.push(`<text x="${(pad.left + width - pad.right) / 2}" y="${height - 12}" text-anchor="middle">concurrent browsers</text>`);
  series.forEach((s, i) => {
    const points = concurrencies.map((c) => runs.find((r) => r.app === s.app && r.variant === s.variant && r.concurrency === c)).filter((r) => r !== undefined);
    if (points.length === 0) return;
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" stroke-dasharray="${s.dash}" points="${points.map((p) => `${x(p.concurrency)},${y(p.result.perSecond)}`).join(' ')}"/>`);
    const ly = pad.top + 20 + i * 20;
    parts.push(`<line x1="${width - pad.right + 10}" x2="${width - pad.right + 34}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2" stroke-dasharray="${s.dash}"/>`, `<text x="${width - pad.right + 40}" y="${ly + 4}">${s.app} ${s.variant}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
