// Administration of the app's people (the `gatehouse users` commands): list, find by ID or e-mail,
// disable, enable, delete and set a password. Creation is createUser in user-store.ts.
import type { AppDb } from '../db/app-db';
import { hashPassword } from './password-hash';
import { findUserByEmail, findUserById } from './user-store';

/** An argument containing "@" is an e-mail address, anything else a user ID. */
export async function findUser(db: AppDb, idOrEmail: string) {
  return idOrEmail.includes('@') ? findUserByEmail(db, idOrEmail) : findUserById(db, idOrEmail);
}

export async function listUsers(db: AppDb) {
  return db.user.findMany({ orderBy: { email: 'asc' } });
}

export async function setUserDisabled(db: AppDb, id: string, disabled: boolean) {
  return db.user.update({ where: { id }, data: { disabled } });
}

export async function setUserPassword(db: AppDb, id: string, password: string) {
  return db.user.update({ where: { id }, data: { passwordHash: await hashPassword(password) } });
}

export async function deleteUser(db: AppDb, id: string): Promise<void> {
  await db.user.delete({ where: { id } });
}
