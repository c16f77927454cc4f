// What every operator console page needs before it renders: an admin, a CSRF token, the brand.
import { SIGNED_IN_CSRF_BINDING } from '../auth/guard';
import { requireAdmin } from '../auth/session';
import { brand } from '../branding';
import { csrfToken } from '../security/csrf';


export async function adminPage(path: string) {
  const admin = await requireAdmin(path);
  const token = await csrfToken(SIGNED_IN_CSRF_BINDING);
  return { admin, token, accountToken: token, brandName: brand().name };
}

export function param(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value.length <= 500 ? value : undefined;
}
