// A small closed-loop HTTP load generator for the benchmarks: N workers on keep-alive connections,
// each sending its next request when the previous answer arrived, for a fixed duration.
import http from 'node:http';

export type LoadResult = { requests: number; errors: number; seconds: number; perSecond: number; p50: number; p95: number; p99: number };

export type RequestSpec = { method: string; url: URL; headers: Record<string, string>; body?: string };

export function send(agent: http.Agent, spec: RequestSpec): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(spec.url, { method: spec.method, headers: spec.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(spec.body);
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs `next()` from `concurrency` workers for `seconds`; `check` decides whether an answer is a success. */
export async function runLoad(options: {
  concurrency: number;
  seconds: number;
  next: (worker: number, i: number) => RequestSpec;
  check: (status: number, body: string) => boolean;
  onSuccess?: (body: string) => void;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        try {
          const { status, body } = await send(agent, options.next(worker, i));
          if (options.check(status, body)) {
            latencies.push(performance.now() - t0);
            options.onSuccess?.(body);
          } else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: latencies.length,
    errors,
    seconds: round(seconds),
    perSecond: Math.round(latencies.length / seconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
  };
}
