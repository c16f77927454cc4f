// What the account area says after an action, keyed by the notice or error in its URL.
export const ACCOUNT_NOTICES: Record<string, string> = {
  'profile-saved': 'Your profile was saved.',
  'password-changed': 'Your password was changed. Other browsers will ask you to sign in again.',
  'access-removed': 'The application no longer has access to your account.',
};

export const ACCOUNT_ERRORS: Record<string, string> = {
  refused: 'That did not work because the page had expired. Please try again.',
  failed: 'Something went wrong. Please try again in a moment.',
  'wrong-password': 'Your current password is not right.',
  passwordTooShort: 'The new password must be at least 8 characters long.',
  passwordTooLong: 'The new password is too long.',
  passwordBreached: 'That password is too common: it appears in lists of breached passwords. Please choose another.',
  'invalid-picture': 'The picture must be an https:// address.',
  'invalid-locale': 'The locale must look like en or de-DE.',
  'invalid-phone': 'The phone number may contain digits, spaces, brackets, dashes and a leading +.',
  'invalid-profile': 'Some of the profile fields are not valid.',
};
