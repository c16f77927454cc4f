// Checks an e-mail and password. An unknown e-mail costs the same argon2 verification as a wrong
// password (against a decoy hash), so neither the answer nor its timing tells whether an account
// exists. A disabled account is only reported once the password was right.
import { decoyPasswordHash, verifyPassword } from './password-hash';
import type { SignInUserReads } from './sign-in-reads';
import { normalizeEmail } from './user-store';

export type AuthResult = { kind: 'ok'; userId: string } | { kind: 'invalid' } | { kind: 'disabled' };

export async function authenticate(users: SignInUserReads, email: string, password: string): Promise<AuthResult> {
  const user = await users.byEmail(normalizeEmail(email));
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !valid) return { kind: 'invalid' };
  if (user.disabled) return { kind: 'disabled' };
  return { kind: 'ok', userId: user.id };
}
