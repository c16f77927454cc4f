// A small closed-loop HTTP load generator for the benchmarks: N workers, each on its own keep-alive
// connection, sending its next request when the previous answer arrived, for a fixed duration.
import { HttpConnection } from './http-connection';

export type LoadResult = { requests: number; errors: number; seconds: number; perSecond: number; p50: number; p95: number; p99: number };

export type RequestSpec = { method: string; url: URL; headers: Record<string, string>; body?: string };

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
  /** Ends the run before `seconds` when it says so, checked before each request. */
  stopWhen?: () => boolean;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      let connection: HttpConnection | undefined;
      for (let i = 0; performance.now() < deadline && !options.stopWhen?.(); i++) {
        const t0 = performance.now();
        try {
          const spec = options.next(worker, i);
          connection ??= HttpConnection.forOrigin(spec.url.origin);
          const res = await connection.request({ method: spec.method, path: spec.url.pathname + spec.url.search, headers: spec.headers, body: spec.body });
          const status = res.status;
          const body = res.body.toString('utf8');
          if (options.check(status, body)) {
            latencies.push(performance.now() - t0);
            options.onSuccess?.(body);
          } else errors++;
        } catch {
          errors++;
          connection?.close();
          connection = undefined;
        }
      }
      connection?.close();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
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
