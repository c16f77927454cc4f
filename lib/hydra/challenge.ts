// The challenge from the query string, validated: Hydra's challenges are base64url (with padding),
// the packaged token server's are URL-safe ids. A repeated or missing parameter is no challenge.
import { z } from 'zod';

const challengeSchema = z.string().min(1).max(8192).regex(/^[A-Za-z0-9._~=-]+$/);

export type SearchParams = Record<string, string | string[] | undefined>;

export function readChallenge(params: SearchParams, name: string): string | undefined {
  const parsed = challengeSchema.safeParse(params[name]);
  return parsed.success ? parsed.data : undefined;
}

export function parseChallenge(value: unknown): string | undefined {
  const parsed = challengeSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
