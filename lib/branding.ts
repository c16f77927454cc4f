// Product name, logo and accent colour, from configuration; the pages never read the environment.
import { appConfig } from './app-config';
import type { AppConfig } from './config';

export type Brand = { name: string; logoUrl?: string; accentColor: string };

export function brand(c: AppConfig = appConfig()): Brand {
  return { name: c.APP_NAME, logoUrl: c.APP_LOGO_URL, accentColor: c.APP_ACCENT_COLOR };
}
