// The app's configuration, validated once per process (the custom server validates it at start-up,
// so a bad value never reaches a request).
import { loadAppConfig, type AppConfig } from './config';

let cached: AppConfig | undefined;

export function appConfig(): AppConfig {
  cached ??= loadAppConfig();
  return cached;
}
