// oidc-provider's `fetch` for requests made on behalf of clients (jwks_uri, sector_identifier_uri,
// back-channel logout). oidc-provider refuses private and loopback addresses by passing its own
// dispatcher; Hydra allows them unless clients.http.disallow_private_ip_ranges is set, and so do we.
type FetchOptions = RequestInit & { dispatcher?: unknown };

export function clientFetch(disallowPrivateIpRanges: boolean) {
  return (url: URL | string, options: FetchOptions) => {
    if (!disallowPrivateIpRanges) delete options.dispatcher;
    return globalThis.fetch(url, options);
  };
}
