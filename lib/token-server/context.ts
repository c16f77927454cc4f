// What every part of the token server shares: configuration, storage, secrets, the oidc-provider instance.
import type Provider from 'oidc-provider';
import type { TokenServerConfig } from '../config';
import type { TokenServerDb } from '../db/token-server-db';
import type { Logger } from '../logger';
import type { KeyRing } from './keys/key-ring';
import type { SecretBox } from './storage/secret-box';

export type TokenServerContext = {
  config: TokenServerConfig;
  db: TokenServerDb;
  box: SecretBox;
  provider: Provider;
  /** The signing keys in use; reload() after changing a built-in key set. */
  keys: KeyRing;
  log: Logger;
};
