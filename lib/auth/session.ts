// Who is signed in to the account area, read fresh from the user table on every request, so a
// disabled or deleted user, or a removed admin role, takes effect at once.
import { getServerSession } from 'next-auth';
import { getToken } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { appDb } from '../db/app-connection';
import { findUserById } from '../users/user-store';
import { authOptions, type GatehouseToken } from './options';

export type SignedInUser = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

export async function currentUser(): Promise<SignedInUser | undefined> {
  const session = (await getServerSession(authOptions())) as { subject?: string; error?: string } | null;
  if (!session?.subject || session.error) return undefined;
  const user = await findUserById(appDb(), session.subject);
  return user && !user.disabled ? user : undefined;
}

export function signInPath(callbackPath: string): string {
  return `/api/auth/signin?callbackUrl=${encodeURIComponent(callbackPath)}`;
}

/** For pages: an anonymous visitor is sent to sign in, then back here. */
export async function requireUser(callbackPath: string): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(signInPath(callbackPath));
  return user;
}

/** The ID token of the session, for RP-initiated logout; it stays in the encrypted cookie, never in the page. */
export async function idTokenOfSession(): Promise<string | undefined> {
  const jar = await cookies();
  const req = { headers: {}, cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])) };
  const token = await getToken({ req: req as unknown as Parameters<typeof getToken>[0]['req'], secret: authOptions().secret });
  return (token as GatehouseToken | null)?.idToken;
}

/** For the operator console: anonymous visitors sign in; signed-in non-admins get a 403 page. */
export async function requireAdmin(callbackPath: string): Promise<SignedInUser> {
  const user = await requireUser(callbackPath);
  if (user.role !== 'admin') forbidden();
  return user;
}
