import { CSRF_FIELD } from '@/lib/security/csrf-token';

/** The challenge and CSRF token every flow form carries back to its server action. */
export function HiddenFields({ challenge, csrfToken }: { challenge?: string; csrfToken?: string }) {
  return (
    <>
      {challenge ? <input type="hidden" name="challenge" value={challenge} /> : null}
      <input type="hidden" name={CSRF_FIELD} value={csrfToken ?? ''} />
    </>
  );
}
