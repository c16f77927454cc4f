// The one configured client of Hydra's admin API. Hydra's admin API has no authentication of its own;
// it must only be reachable from trusted networks, such as this app's.
import { Configuration, OAuth2Api } from '@ory/client';
import { appConfig } from '../app-config';

const TIMEOUT_MS = 10_000;

let api: OAuth2Api | undefined;

export function hydraAdmin(): OAuth2Api {
  api ??= new OAuth2Api(new Configuration({ basePath: appConfig().HYDRA_ADMIN_URL.replace(/\/$/, ''), baseOptions: { timeout: TIMEOUT_MS } }));
  return api;
}
