-- DropIndex
DROP INDEX "ConsentSession_subject_clientId_idx";

-- AlterTable
ALTER TABLE "ConsentSession" ADD COLUMN     "skip" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "ConsentSession_subject_clientId_skip_remember_handledAt_idx" ON "ConsentSession"("subject", "clientId", "skip", "remember", "handledAt");


-- Backfill: consents accepted as skips so far say so in their stored consent request.
UPDATE "ConsentSession" SET "skip" = true WHERE ("request"::jsonb ->> 'skip') = 'true';
