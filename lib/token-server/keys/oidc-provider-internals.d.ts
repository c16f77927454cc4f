// oidc-provider builds its keystore once, in this (unexported) initializer; calling it again on the
// provider replaces the signing keystore and the published JWKS. Pinned oidc-provider 9.13.x.
declare module 'oidc-provider/lib/helpers/initialize_keystore.js' {
  export default function initializeKeystore(this: unknown, jwks: { keys: object[] }): void;
}
