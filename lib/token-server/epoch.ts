/** Now in whole seconds since the Unix epoch: the unit of every exp, iat and expiresAt the token server stores. */
export const epoch = (): number => Math.floor(Date.now() / 1000);
