// Every operator action, recorded: who, what, when, on what. Shown in the operator console.
import { randomUUID } from 'node:crypto';
import type { AppDb } from '../db/app-db';

export type AuditEntry = { actor: string; action: string; target: string; detail?: string };

export async function recordAudit(db: AppDb, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({ data: { id: randomUUID(), actor: entry.actor, action: entry.action, target: entry.target, detail: entry.detail ?? null } });
}

export async function recentAudit(db: AppDb, limit = 100) {
  return db.auditLog.findMany({ orderBy: { createdAt: 'desc' }, take: limit });
}
