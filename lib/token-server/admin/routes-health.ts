// GET /admin/version: Hydra's version endpoint, admin port only.
import { sendJson } from '../http/errors';
import type { Router } from '../http/router';

export const GATEHOUSE_VERSION = '0.1.0';

export function registerVersionRoutes(router: Router): void {
  router.add('GET', '/admin/version', ({ res }) => sendJson(res, 200, { version: `v2-compatible gatehouse ${GATEHOUSE_VERSION}` }));
}
