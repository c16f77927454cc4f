// Hydra admin SDK clients against a test token server, plus a helper that captures an SDK error's
// status and body and checks that body against Hydra's spec.
import { Configuration, JwkApi, OAuth2Api, OidcApi, WellknownApi } from '@ory/client';
import { assertMatchesSpec } from './openapi';

export function adminApis(adminUrl: string, publicUrl: string) {
  const admin = new Configuration({ basePath: adminUrl });
  const pub = new Configuration({ basePath: publicUrl });
  return { oauth2: new OAuth2Api(admin), jwk: new JwkApi(admin), oidc: new OidcApi(pub), wellknown: new WellknownApi(pub) };
}

/** Runs an SDK call expected to fail; returns the status and the error body, checked against the spec. */
export async function expectHttpError(method: string, specPath: string, call: () => Promise<unknown>): Promise<{ status: number; body: { error: string; error_description: string } }> {
  try {
    await call();
  } catch (err) {
    const response = (err as { response?: { status: number; data: unknown } }).response;
    if (!response) throw err;
    assertMatchesSpec(method, specPath, response.status, response.data);
    return { status: response.status, body: response.data as { error: string; error_description: string } };
  }
  throw new Error(`${method} ${specPath} was expected to fail`);
}
