// Failures of the admin API calls made by the account area and the operator console, with Hydra's
// own error text kept for the operator (validation messages are meant to be read).
import { z } from 'zod';
import { httpFailureOf } from './errors';

export class AdminApiError extends Error {
  override name = 'AdminApiError';
  constructor(
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

const hydraErrorBody = z.object({ error: z.string().optional(), error_description: z.string().optional() });

export async function adminCall<T>(call: () => Promise<{ data: T; headers?: unknown }>): Promise<{ data: T; headers: Record<string, string> }> {
  try {
    const res = await call();
    return { data: res.data, headers: (res.headers ?? {}) as Record<string, string> };
  } catch (err) {
    const failure = httpFailureOf(err);
    if (!failure) throw new AdminApiError(undefined, "Hydra's admin API cannot be reached.");
    const body = hydraErrorBody.safeParse(failure.data);
    const text = body.success ? [body.data.error, body.data.error_description].filter(Boolean).join(': ') : '';
    const { status } = failure;
    throw new AdminApiError(status, text || `Hydra's admin API answered ${status}.`);
  }
}
