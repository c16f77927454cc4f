-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ConsentSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subject" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "loginSessionId" TEXT,
    "grantScope" TEXT NOT NULL,
    "grantAudience" TEXT NOT NULL,
    "session" TEXT NOT NULL,
    "context" TEXT,
    "request" TEXT NOT NULL,
    "remember" BOOLEAN NOT NULL,
    "rememberFor" INTEGER NOT NULL,
    "handledAt" DATETIME NOT NULL,
    "expiresAt" BIGINT,
    "skip" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_ConsentSession" ("clientId", "context", "expiresAt", "grantAudience", "grantScope", "handledAt", "id", "loginSessionId", "remember", "rememberFor", "request", "session", "subject") SELECT "clientId", "context", "expiresAt", "grantAudience", "grantScope", "handledAt", "id", "loginSessionId", "remember", "rememberFor", "request", "session", "subject" FROM "ConsentSession";
DROP TABLE "ConsentSession";
ALTER TABLE "new_ConsentSession" RENAME TO "ConsentSession";
CREATE INDEX "ConsentSession_subject_clientId_skip_remember_handledAt_idx" ON "ConsentSession"("subject", "clientId", "skip", "remember", "handledAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill: consents accepted as skips so far say so in their stored consent request.
UPDATE "ConsentSession" SET "skip" = true WHERE json_extract("request", '$.skip') = 1;
