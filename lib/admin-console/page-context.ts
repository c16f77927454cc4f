// What every operator console page needs before it renders: an admin, a CSRF token, the brand.
import { requireAdmin } from '../auth/session';
import { brand } from '../branding';
import { csrfToken } from '../security/csrf';

// One binding for every signed-in form: authorization is the role check's job, not the token's.
export const ADMIN_CSRF_BINDING = 'signed-in';
export const ACCOUNT_CSRF_BINDING = 'signed-in';

export async function adminPage(path: string) {
  const admin = await requireAdmin(path);
  const token = await csrfToken(ADMIN_CSRF_BINDING);
  return { admin, token, accountToken: token, brandName: brand().name };
}

export function param(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value.length <= 500 ? value : undefined;
}
