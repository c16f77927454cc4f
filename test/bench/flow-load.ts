// Closed-loop load of whole authorization-code flows: `concurrency` workers, each starting its next
// flow when the previous one finished, for a fixed time. Reports flows/s, whole-flow and per-step latency.
import { authorizationCodeFlow, type FlowOptions } from './authorization-code-flow';
import { FlowClient, closePool, type ConnectionPool } from './flow-client';
import { percentile } from './load';

export type Variant = 'fresh' | 'remembered';
export type Latency = { p50: number; p95: number; p99: number };
export type StepLatency = Latency & { count: number; firstByte: Latency };
export type FlowLoadResult = Latency & { flows: number; errors: number; seconds: number; perSecond: number; steps: Record<string, StepLatency>; firstError?: string };

const round = (n: number) => Math.round(n * 10) / 10;
const latency = (sorted: number[]): Latency => ({ p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)) });

export async function runFlowLoad(options: FlowOptions, variant: Variant, concurrency: number, seconds: number): Promise<FlowLoadResult> {
  const durations: number[] = [];
  const steps = new Map<string, { ms: number[]; firstByteMs: number[] }>();
  let errors = 0;
  let firstError: string | undefined;
  const fail = (err: unknown) => {
    errors++;
    firstError ??= err instanceof Error ? err.message : String(err);
  };

  // Remembered sessions are primed before the clock starts: one signed-in, consented browser per worker.
  const primed: FlowClient[] = [];
  if (variant === 'remembered') {
    for (let w = 0; w < concurrency; w++) {
      const client = new FlowClient();
      await authorizationCodeFlow(client, { ...options, remember: true });
      client.steps.length = 0;
      primed.push(client);
    }
  }

  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      // A fresh sign-in is a new browser (no cookies) on the worker's keep-alive connections.
      const pool: ConnectionPool = new Map();
      while (performance.now() < deadline) {
        const client = variant === 'remembered' ? primed[w]! : new FlowClient(pool);
        const t0 = performance.now();
        try {
          const result = await authorizationCodeFlow(client, { ...options, remember: variant === 'remembered' });
          if (variant === 'remembered' && (result.sawLogin || result.sawConsent)) throw new Error('a remembered flow showed a login or consent form');
          durations.push(performance.now() - t0);
          for (const s of client.steps) {
            const step = steps.get(s.name) ?? steps.set(s.name, { ms: [], firstByteMs: [] }).get(s.name)!;
            step.ms.push(s.ms);
            step.firstByteMs.push(s.firstByteMs);
          }
        } catch (err) {
          fail(err);
        }
        client.steps.length = 0;
      }
      closePool(pool);
      primed[w]?.close();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  durations.sort((a, b) => a - b);
  return {
    flows: durations.length,
    errors,
    seconds: round(elapsed),
    perSecond: round(durations.length / elapsed),
    ...latency(durations),
    steps: Object.fromEntries(
      [...steps].map(([name, s]) => [name, { count: s.ms.length, ...latency(s.ms.sort((a, b) => a - b)), firstByte: latency(s.firstByteMs.sort((a, b) => a - b)) }]),
    ),
    ...(firstError ? { firstError } : {}),
  };
}
