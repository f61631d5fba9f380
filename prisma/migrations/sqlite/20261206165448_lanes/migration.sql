-- AlterTable (hand-written: Prisma's diff rebuilt the whole table only to place the columns)
ALTER TABLE "Interaction" ADD COLUMN "lane" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Interaction" ADD COLUMN "laneKey" TEXT;
