// Which catalogue a person sees: the client's `ui_locales` (OIDC Core 3.1.2.1) first, then the
// browser's Accept-Language, then English. Only the language part of a tag counts ("de-AT" → "de").
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

function toLocale(tag: string): Locale | undefined {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((l) => l === language);
}

/** Accept-Language entries ordered by q-value (RFC 9110 12.5.4); entries with q=0 are refused. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((e) => e.tag && e.q > 0 && e.tag !== '*')
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((e) => e.tag);
}

export function chooseLocale(uiLocales: readonly string[] | undefined, acceptLanguage: string | null | undefined): Locale {
  for (const tag of [...(uiLocales ?? []), ...parseAcceptLanguage(acceptLanguage)]) {
    const locale = toLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
