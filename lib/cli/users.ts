// Shared parts of the `gatehouse users` commands: the app database, the user table row, passwords.
import fs from 'node:fs';
import { openAppDb, type AppDb } from '../db/app-db';
import { passwordProblem, PASSWORD_MAX, PASSWORD_MIN, type PasswordProblem } from '../users/password-rules';
import { findUser } from '../users/user-admin';
import type { Options } from './command';
import { appDatabase } from './databases';
import { CliError, UsageError } from './errors';
import type { Row, Table } from './output';

export const DATABASE_OPTIONS = { database: { type: 'string' } } satisfies Options;
export const DATABASE_HELP = '      --database URL            the app database (default: env DATABASE_URL)';

export type UserRecord = { id: string; email: string; name: string | null; role: string; disabled: boolean; emailVerified: boolean; createdAt: Date };

export const USER_HEADER = ['ID', 'EMAIL', 'NAME', 'ROLE', 'DISABLED'];

const columns = (u: UserRecord) => [u.id, u.email, u.name ?? '', u.role, String(u.disabled)];
const view = (u: UserRecord) => ({ id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled, email_verified: u.emailVerified, created_at: u.createdAt.toISOString() });

export const userRow = (u: UserRecord): Row => ({ header: USER_HEADER, columns: columns(u), data: view(u) });
export const userTable = (users: UserRecord[]): Table => ({ header: USER_HEADER, rows: users.map(columns), data: users.map(view) });

/** Opens the app database for one command and always closes it. */
export async function withAppDb<T>(flag: string | undefined, work: (db: AppDb) => Promise<T>): Promise<T> {
  const db = openAppDb(appDatabase(flag));
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

export async function requireUser(db: AppDb, idOrEmail: string) {
  const user = await findUser(db, idOrEmail);
  if (!user) throw new CliError(`no user ${idOrEmail.includes('@') ? 'with e-mail' : 'with ID'} ${idOrEmail}`);
  return user;
}

const PASSWORD_PROBLEMS: Record<PasswordProblem, string> = {
  passwordTooShort: `the password must have at least ${PASSWORD_MIN} characters`,
  passwordTooLong: `the password must have at most ${PASSWORD_MAX} characters`,
  passwordBreached: 'the password is on a list of breached passwords: choose another one',
};

/** The password from standard input (first line), as `docker login --password-stdin` reads it. */
export function passwordFromStdin(flagGiven: boolean): string {
  if (!flagGiven) throw new UsageError('the password is read from standard input only: pass --password-stdin');
  const password = fs.readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(PASSWORD_PROBLEMS[problem]);
  return password;
}
