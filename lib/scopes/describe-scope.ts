// A requested scope in plain words, from the catalogue; unknown scopes keep their name and get a
// neutral description, because only the client knows what they mean.
import type { Messages } from '../i18n/en';
import { isRequiredScope } from './grant-scope';

export type ScopeView = { name: string; label: string; description?: string; required: boolean };

export function describeScope(scope: string, m: Messages): ScopeView {
  const known = Object.hasOwn(m.scopes, scope) ? m.scopes[scope as keyof Messages['scopes']] : undefined;
  return known
    ? { name: scope, label: known, required: isRequiredScope(scope) }
    : { name: scope, label: scope, description: m.consent.unknownScope, required: isRequiredScope(scope) };
}
