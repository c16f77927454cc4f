// The app process's database clients, created on first use from the validated configuration: Prisma
// for everything, and the driver-level reads of the sign-in path (users/sign-in-reads.ts).
import { appConfig } from '../app-config';
import { openSignInUserReads, type SignInUserReads } from '../users/sign-in-reads';
import { openAppDb, type AppDb } from './app-db';

const holder = globalThis as unknown as { gatehouseAppDb?: AppDb; gatehouseSignInUsers?: SignInUserReads };

export function appDb(): AppDb {
  holder.gatehouseAppDb ??= openAppDb(appConfig().DATABASE_URL);
  return holder.gatehouseAppDb;
}

export function signInUsers(): SignInUserReads {
  holder.gatehouseSignInUsers ??= openSignInUserReads(appConfig().DATABASE_URL);
  return holder.gatehouseSignInUsers;
}
