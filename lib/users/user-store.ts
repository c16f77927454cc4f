// The app's people, in the User table. E-mail is stored lower-cased, so it is unique case-insensitively.
import { randomUUID } from 'node:crypto';
import type { AppDb } from '../db/app-db';
import { hashPassword } from './password-hash';

export type Role = 'user' | 'admin';

export type NewUser = {
  email: string;
  password: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  role?: Role;
  emailVerified?: boolean;
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: AppDb, email: string) {
  return db.user.findUnique({ where: { email: normalizeEmail(email) } });
}

export async function findUserById(db: AppDb, id: string) {
  return db.user.findUnique({ where: { id } });
}

export async function createUser(db: AppDb, input: NewUser) {
  return db.user.create({
    data: {
      id: randomUUID(),
      email: normalizeEmail(input.email),
      passwordHash: await hashPassword(input.password),
      name: input.name ?? null,
      givenName: input.givenName ?? null,
      familyName: input.familyName ?? null,
      role: input.role ?? 'user',
      emailVerified: input.emailVerified ?? false,
    },
  });
}
