-- AlterTable
ALTER TABLE "ActionEffect" ADD COLUMN     "controls" TEXT[] DEFAULT ARRAY[]::TEXT[];

