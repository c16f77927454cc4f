import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { derivePostgresql, schemaPath, SERVICES } from '../../prisma/services.mjs';

describe('Prisma schemas', () => {
  for (const service of SERVICES) {
    it(`keeps ${service}'s PostgreSQL schema in step with its SQLite source`, () => {
      const source = fs.readFileSync(schemaPath(service, 'sqlite'), 'utf8');
      const derived = fs.readFileSync(schemaPath(service, 'postgresql'), 'utf8');
      assert.equal(derived, derivePostgresql(source), `run npm run prisma:derive`);
      assert.match(derived, /provider = "postgresql"/);
    });
  }
});
