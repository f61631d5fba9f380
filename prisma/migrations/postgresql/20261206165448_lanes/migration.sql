-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN     "lane" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "laneKey" TEXT;

