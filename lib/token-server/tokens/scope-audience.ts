// Hydra's matching of requested scope and audience against what a client may ask for
// (fosite's wildcard scope strategy and default audience matching strategy).

/** `a.*` allows `a.b`; otherwise segments must be equal. */
export function scopeAllowed(allowed: string[], requested: string): boolean {
  const needle = requested.split('.');
  return allowed.some((scope) => {
    if (scope === requested) return true;
    const hay = scope.split('.');
    return hay.length === needle.length && hay.every((part, i) => part === '*' || part === needle[i]);
  });
}

/** An allowed audience `https://api.example/v1` also allows `https://api.example/v1/users`. */
export function audienceAllowed(allowed: string[], requested: string): boolean {
  const needle = URL.canParse(requested) ? new URL(requested) : undefined;
  return allowed.some((aud) => {
    if (aud === requested) return true;
    if (!needle || !URL.canParse(aud)) return false;
    const hay = new URL(aud);
    const hayPath = hay.pathname.replace(/\/+$/, '');
    const needlePath = needle.pathname.replace(/\/+$/, '');
    return hay.origin === needle.origin && (needlePath === hayPath || needlePath.startsWith(`${hayPath}/`));
  });
}

export const splitSpaces = (value: unknown): string[] => (typeof value === 'string' ? value.split(' ').filter(Boolean) : []);
