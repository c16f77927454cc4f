// The app's /health/alive and /health/ready, in Hydra's shapes. Ready means the user database
// answers and Hydra's admin API (HYDRA_ADMIN_URL) is reachable.
import type { ServerResponse } from 'node:http';
import type { AppConfig } from '../config';
import type { AppDb } from '../db/app-db';

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function checkHydra(config: AppConfig): Promise<string | undefined> {
  try {
    const res = await fetch(new URL('/health/alive', config.HYDRA_ADMIN_URL), { signal: AbortSignal.timeout(2000) });
    return res.ok ? undefined : `HYDRA_ADMIN_URL answered ${res.status}`;
  } catch {
    return 'HYDRA_ADMIN_URL is not reachable';
  }
}

async function checkDatabase(db: AppDb): Promise<string | undefined> {
  try {
    await db.$queryRawUnsafe('SELECT 1');
    return undefined;
  } catch {
    return 'the database is not reachable';
  }
}

export async function handleAppHealth(pathname: string, res: ServerResponse, config: AppConfig, db: AppDb): Promise<boolean> {
  if (pathname === '/health/alive') {
    send(res, 200, { status: 'ok' });
    return true;
  }
  if (pathname !== '/health/ready') return false;
  const [database, hydra] = await Promise.all([checkDatabase(db), checkHydra(config)]);
  const errors = Object.fromEntries(Object.entries({ database, hydra }).filter(([, v]) => v !== undefined));
  send(res, Object.keys(errors).length ? 503 : 200, Object.keys(errors).length ? { errors } : { status: 'ok' });
  return true;
}
