// The catalogue for a locale. Which locale a request gets is chooseLocale's business (choose-locale.ts).
import type { Locale } from './choose-locale';
import { de } from './de';
import { en, type Messages } from './en';

const CATALOGUES: Record<Locale, Messages> = { en, de };

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}

export type { Locale, Messages };
