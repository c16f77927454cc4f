// Failures of the admin API calls made by the account area and the operator console, with Hydra's
// own error text kept for the operator (validation messages are meant to be read).
import { z } from 'zod';

export class AdminApiError extends Error {
  override name = 'AdminApiError';
  constructor(
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

const failure = z.object({
  response: z.object({ status: z.number(), data: z.object({ error: z.string().optional(), error_description: z.string().optional() }).passthrough().optional() }),
});

export async function adminCall<T>(call: () => Promise<{ data: T; headers?: unknown }>): Promise<{ data: T; headers: Record<string, string> }> {
  try {
    const res = await call();
    return { data: res.data, headers: (res.headers ?? {}) as Record<string, string> };
  } catch (err) {
    const parsed = failure.safeParse(err);
    if (!parsed.success) throw new AdminApiError(undefined, "Hydra's admin API cannot be reached.");
    const { status, data } = parsed.data.response;
    const text = [data?.error, data?.error_description].filter(Boolean).join(': ');
    throw new AdminApiError(status, text || `Hydra's admin API answered ${status}.`);
  }
}
