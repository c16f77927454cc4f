// What a consent form may grant: only scopes the client requested (Hydra copies grant_scope into the
// tokens without checking it), and always `openid` when it was requested, since it is not optional.
import { z } from 'zod';

export const REQUIRED_SCOPES = ['openid'] as const;

const scopeName = z.string().min(1).max(200).regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'a scope token (RFC 6749 3.3)');

export function isRequiredScope(scope: string): boolean {
  return (REQUIRED_SCOPES as readonly string[]).includes(scope);
}

/** The ticked scopes, validated, intersected with the requested ones, plus the required ones. */
export function grantScopeSchema(requested: readonly string[]) {
  return z
    .array(scopeName)
    .max(100)
    .transform((ticked) => requested.filter((scope) => ticked.includes(scope) || isRequiredScope(scope)));
}

export function grantedScopes(requested: readonly string[], ticked: unknown): string[] | undefined {
  const parsed = grantScopeSchema(requested).safeParse(ticked);
  return parsed.success ? parsed.data : undefined;
}
