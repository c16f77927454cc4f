// The reads every sign-in makes of the user table, through the database driver: by e-mail for a
// password sign-in, by id for a remembered session and for consent. Prisma's query compiler costs about
// 0.8 ms of CPU per such read, the driver's prepared statement about 15 µs (measured on SQLite), and a
// remembered sign-in makes two. Prisma still owns the table, its migrations and every write.
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { postgresConnection } from '../../prisma/services.mjs';
import type { ConcreteDatabaseUrl } from '../db/engines';
import type { UserClaimsSource } from '../scopes/claims';

export type SignInUser = UserClaimsSource & { id: string; passwordHash: string; disabled: boolean };

export interface SignInUserReads {
  byId(id: string): Promise<SignInUser | undefined>;
  /** `email` as stored: trimmed and lower-cased (user-store.ts normalizeEmail). */
  byEmail(email: string): Promise<SignInUser | undefined>;
  close(): Promise<void>;
}

const COLUMNS = '"id", "email", "passwordHash", "name", "givenName", "familyName", "emailVerified", "phoneNumber", "address", "locale", "picture", "disabled"';

type Row = Omit<SignInUser, 'emailVerified' | 'disabled' | 'updatedAt'> & { emailVerified: boolean | number; disabled: boolean | number; updatedAt: string | number };

function toUser(row: Row | undefined): SignInUser | undefined {
  if (!row) return undefined;
  return { ...row, emailVerified: Boolean(row.emailVerified), disabled: Boolean(row.disabled), updatedAt: new Date(row.updatedAt) };
}

function sqliteReads(file: string): SignInUserReads {
  const db = new Database(path.resolve(file));
  db.pragma('busy_timeout = 5000');
  // Prisma's SQLite adapter writes DateTime as ISO 8601 text, which new Date() reads.
  const byId = db.prepare(`SELECT ${COLUMNS}, "updatedAt" FROM "User" WHERE "id" = ?`);
  const byEmail = db.prepare(`SELECT ${COLUMNS}, "updatedAt" FROM "User" WHERE "email" = ?`);
  return {
    byId: async (id) => toUser(byId.get(id) as Row | undefined),
    byEmail: async (email) => toUser(byEmail.get(email) as Row | undefined),
    close: async () => void db.close(),
  };
}

function postgresReads(url: string): SignInUserReads {
  const { connectionString, options } = postgresConnection(url);
  const pool = new pg.Pool({ connectionString, options, max: 4 });
  // updatedAt is TIMESTAMP(3) holding UTC as Prisma writes it: read as ISO text, whatever the server's time zone.
  const select = `SELECT ${COLUMNS}, to_char("updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt" FROM "User"`;
  const one = async (name: string, where: string, value: string) => toUser((await pool.query<Row>({ name, text: `${select} WHERE ${where} = $1`, values: [value] })).rows[0]);
  return {
    byId: (id) => one('sign-in-user-by-id', '"id"', id),
    byEmail: (email) => one('sign-in-user-by-email', '"email"', email),
    close: () => pool.end(),
  };
}

export function openSignInUserReads(db: ConcreteDatabaseUrl): SignInUserReads {
  return db.kind === 'sqlite' ? sqliteReads(db.file) : postgresReads(db.url);
}
