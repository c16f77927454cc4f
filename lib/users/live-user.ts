// The person behind a subject, only if the account still exists and is enabled.
import type { AppDb } from '../db/app-db';
import { findUserById } from './user-store';

export async function findLiveUser(db: AppDb, subject: string | undefined) {
  if (!subject) return undefined;
  const user = await findUserById(db, subject);
  return user && !user.disabled ? user : undefined;
}
