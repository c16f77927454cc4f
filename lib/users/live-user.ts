// The person behind a subject, only if the account still exists and is enabled.
import type { SignInUser, SignInUserReads } from './sign-in-reads';

export async function findLiveUser(users: SignInUserReads, subject: string | undefined): Promise<SignInUser | undefined> {
  if (!subject) return undefined;
  const user = await users.byId(subject);
  return user && !user.disabled ? user : undefined;
}
