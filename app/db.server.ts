import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { getEnv } from "./env.server";

declare global {
  var __merchdeskPrisma: PrismaClient | undefined;
}

/** The Prisma client (JS engine over node-postgres); one per process, kept across dev reloads. */
export function db(): PrismaClient {
  globalThis.__merchdeskPrisma ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: getEnv().DATABASE_URL }),
  });
  return globalThis.__merchdeskPrisma;
}
