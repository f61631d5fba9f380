-- CreateTable
CREATE TABLE "KnowledgeBase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "KnowledgeSource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "knowledgeBaseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL DEFAULT 'text/plain',
    "url" TEXT,
    "status" TEXT NOT NULL DEFAULT 'processing',
    "error" TEXT,
    "size" INTEGER NOT NULL DEFAULT 0,
    "chunkCount" INTEGER NOT NULL DEFAULT 0,
    "raw" BLOB,
    "lockedUntil" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "KnowledgeSource_knowledgeBaseId_fkey" FOREIGN KEY ("knowledgeBaseId") REFERENCES "KnowledgeBase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KnowledgePassage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "knowledgeBaseId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "heading" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL,
    CONSTRAINT "KnowledgePassage_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "KnowledgeSource" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgentKnowledgeBase" (
    "agentId" TEXT NOT NULL,
    "knowledgeBaseId" TEXT NOT NULL,

    PRIMARY KEY ("agentId", "knowledgeBaseId"),
    CONSTRAINT "AgentKnowledgeBase_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgentKnowledgeBase_knowledgeBaseId_fkey" FOREIGN KEY ("knowledgeBaseId") REFERENCES "KnowledgeBase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SkillKnowledgeBase" (
    "skillId" TEXT NOT NULL,
    "knowledgeBaseId" TEXT NOT NULL,

    PRIMARY KEY ("skillId", "knowledgeBaseId"),
    CONSTRAINT "SkillKnowledgeBase_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SkillKnowledgeBase_knowledgeBaseId_fkey" FOREIGN KEY ("knowledgeBaseId") REFERENCES "KnowledgeBase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "KnowledgeBase_name_idx" ON "KnowledgeBase"("name");

-- CreateIndex
CREATE INDEX "KnowledgeSource_knowledgeBaseId_createdAt_idx" ON "KnowledgeSource"("knowledgeBaseId", "createdAt");

-- CreateIndex
CREATE INDEX "KnowledgeSource_status_idx" ON "KnowledgeSource"("status");

-- CreateIndex
CREATE INDEX "KnowledgePassage_knowledgeBaseId_idx" ON "KnowledgePassage"("knowledgeBaseId");

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgePassage_sourceId_ordinal_key" ON "KnowledgePassage"("sourceId", "ordinal");

-- CreateIndex
CREATE INDEX "AgentKnowledgeBase_knowledgeBaseId_idx" ON "AgentKnowledgeBase"("knowledgeBaseId");

-- CreateIndex
CREATE INDEX "SkillKnowledgeBase_knowledgeBaseId_idx" ON "SkillKnowledgeBase"("knowledgeBaseId");


-- Lexical search (server/knowledge/queries.ts): an FTS5 index of the passages, kept in sync by triggers
-- in the same transaction as every passage write. Its rowid is the passage's rowid (for the delete
-- trigger), and it carries the passage's id, which searches join on. Porter stemming over unicode61
-- ("returns" finds "return"), with diacritics folded.
CREATE VIRTUAL TABLE "KnowledgePassageFts" USING fts5(
    "passageId" UNINDEXED,
    "heading",
    "text",
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "KnowledgePassage_fts_insert" AFTER INSERT ON "KnowledgePassage" BEGIN
    INSERT INTO "KnowledgePassageFts" (rowid, "passageId", "heading", "text") VALUES (new.rowid, new."id", new."heading", new."text");
END;

CREATE TRIGGER "KnowledgePassage_fts_delete" AFTER DELETE ON "KnowledgePassage" BEGIN
    DELETE FROM "KnowledgePassageFts" WHERE rowid = old.rowid;
END;

CREATE TRIGGER "KnowledgePassage_fts_update" AFTER UPDATE ON "KnowledgePassage" BEGIN
    DELETE FROM "KnowledgePassageFts" WHERE rowid = old.rowid;
    INSERT INTO "KnowledgePassageFts" (rowid, "passageId", "heading", "text") VALUES (new.rowid, new."id", new."heading", new."text");
END;
