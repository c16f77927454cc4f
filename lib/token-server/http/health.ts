// Hydra's health endpoints, served on both ports: alive answers while the process runs,
// ready only while the database answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenServerDb } from '../../db/token-server-db';
import { sendJson } from './errors';

/** Whether a path is one of the health endpoints, so other requests skip the (async) health handler. */
export function isHealthPath(pathname: string): boolean {
  return pathname === '/health/alive' || pathname === '/health/ready';
}

export async function handleHealth(pathname: string, res: ServerResponse, db: TokenServerDb): Promise<boolean> {
  if (pathname === '/health/alive') {
    sendJson(res, 200, { status: 'ok' });
    return true;
  }
  if (pathname === '/health/ready') {
    try {
      await db.$queryRawUnsafe('SELECT 1');
      sendJson(res, 200, { status: 'ok' });
    } catch {
      sendJson(res, 503, { errors: { database: 'the database is not reachable' } });
    }
    return true;
  }
  return false;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;
