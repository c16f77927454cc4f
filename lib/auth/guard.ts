// Every account and console server action starts here: the CSRF token first, then the session, then
// the role. A refusal carries no detail a stranger could use.
import { checkCsrf } from '../security/csrf';
import { currentUser, type SignedInUser } from './session';

/** One CSRF binding for every signed-in form: who may do what is the role check's job, not the token's. */
export const SIGNED_IN_CSRF_BINDING = 'signed-in';

export class ActionRefused extends Error {
  override name = 'ActionRefused';
  constructor(readonly reason: 'csrf' | 'signed-out' | 'forbidden') {
    super(`action refused: ${reason}`);
  }
}

export async function authorizeAction(form: FormData, binding: string, role: 'user' | 'admin'): Promise<SignedInUser> {
  if (!(await checkCsrf(form, binding))) throw new ActionRefused('csrf');
  const user = await currentUser();
  if (!user) throw new ActionRefused('signed-out');
  if (role === 'admin' && user.role !== 'admin') throw new ActionRefused('forbidden');
  return user;
}
