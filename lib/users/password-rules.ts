// NIST SP 800-63B password rules: at least 8 characters, long passphrases allowed (up to 256), no
// composition rules, and no password known from breaches. Length counts characters, not bytes.
import { isCommonPassword } from './common-passwords';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordBreached';

export function passwordProblem(password: string): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'passwordTooShort';
  if (length > PASSWORD_MAX) return 'passwordTooLong';
  if (isCommonPassword(password)) return 'passwordBreached';
  return undefined;
}
