// The catalogue for a locale, and the locale for the current request.
import { headers } from 'next/headers';
import { chooseLocale, type Locale } from './choose-locale';
import { de } from './de';
import { en, type Messages } from './en';

const CATALOGUES: Record<Locale, Messages> = { en, de };

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}

/** `ui_locales` from Hydra's oidc_context when the page has one, else the browser's Accept-Language. */
export async function requestLocale(uiLocales?: readonly string[]): Promise<Locale> {
  return chooseLocale(uiLocales, (await headers()).get('accept-language'));
}

export type { Locale, Messages };
