-- CreateTable
CREATE TABLE "OAuth2Client" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL DEFAULT '',
    "data" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OidcRecord" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "grantKey" TEXT,
    "uidKey" TEXT,
    "subject" TEXT,
    "clientId" TEXT,
    "expiresAt" BIGINT NOT NULL,
    "consumedAt" BIGINT
);

-- CreateTable
CREATE TABLE "SigningKey" (
    "set" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "alg" TEXT NOT NULL,
    "use" TEXT NOT NULL,
    "privateJwk" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("set", "kid")
);

-- CreateTable
CREATE TABLE "ConsentSession" (
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
    "expiresAt" BIGINT
);

-- CreateIndex
CREATE INDEX "OAuth2Client_name_idx" ON "OAuth2Client"("name");

-- CreateIndex
CREATE INDEX "OAuth2Client_owner_idx" ON "OAuth2Client"("owner");

-- CreateIndex
CREATE INDEX "OidcRecord_grantKey_idx" ON "OidcRecord"("grantKey");

-- CreateIndex
CREATE INDEX "OidcRecord_uidKey_idx" ON "OidcRecord"("uidKey");

-- CreateIndex
CREATE INDEX "OidcRecord_kind_subject_idx" ON "OidcRecord"("kind", "subject");

-- CreateIndex
CREATE INDEX "OidcRecord_kind_clientId_idx" ON "OidcRecord"("kind", "clientId");

-- CreateIndex
CREATE INDEX "OidcRecord_expiresAt_idx" ON "OidcRecord"("expiresAt");

-- CreateIndex
CREATE INDEX "ConsentSession_subject_clientId_idx" ON "ConsentSession"("subject", "clientId");

