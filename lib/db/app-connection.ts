// The app process's one database client, created on first use from the validated configuration.
import { appConfig } from '../app-config';
import { openAppDb, type AppDb } from './app-db';

const holder = globalThis as unknown as { gatehouseAppDb?: AppDb };

export function appDb(): AppDb {
  holder.gatehouseAppDb ??= openAppDb(appConfig().DATABASE_URL);
  return holder.gatehouseAppDb;
}
