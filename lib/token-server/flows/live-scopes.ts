// Hydra clients may use any scope string, but oidc-provider only grants scopes it knows, and it copies
// the `scopes` of its configuration at construction. This reaches the provider's own (live) scope set
// so scopes can be added as clients are loaded. Internal to oidc-provider 9: re-check on upgrades.
import type Provider from 'oidc-provider';
// @ts-expect-error oidc-provider's internal instance cache has no type declarations
import instance from 'oidc-provider/lib/helpers/weak_cache.js';

type Internals = { configuration: { scopes: Set<string> } };

export function liveScopeSet(provider: Provider): Set<string> {
  return (instance as (p: Provider) => Internals)(provider).configuration.scopes;
}
