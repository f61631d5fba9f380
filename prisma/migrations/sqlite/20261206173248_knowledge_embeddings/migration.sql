-- AlterTable
ALTER TABLE "KnowledgePassage" ADD COLUMN "embedding" BLOB;

