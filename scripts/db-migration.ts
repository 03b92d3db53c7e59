// Creates a migration from the change to prisma/schema since the last migration, without a
// database: the schema engine's shadow-database replay does not work offline with the driver
// adapter, so we diff the datamodel snapshot kept beside the migrations against the current one.
//   npm run db:migration -- <name>
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../tests/support/embedded-postgres";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name in snake_case>");
  process.exit(2);
}
const SCHEMA_DIR = "prisma/schema";
const MIGRATIONS = "prisma/migrations";
const SNAPSHOT = path.join(MIGRATIONS, "schema.snapshot.prisma");

const current = fs
  .readdirSync(SCHEMA_DIR)
  .filter((file) => file.endsWith(".prisma"))
  .sort()
  .map((file) => fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8"))
  .join("\n");
const currentFile = path.join(MIGRATIONS, ".current.prisma");
fs.writeFileSync(currentFile, current);
// The CLI connects through the driver adapter even for a datamodel-only diff: give it a server.
const db = await startEmbeddedPostgres({ persistent: false });
try {
  const sql = execFileSync(
    "npx",
    [
      "prisma",
      "migrate",
      "diff",
      "--from-schema-datamodel",
      SNAPSHOT,
      "--to-schema-datamodel",
      currentFile,
      "--script",
    ],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, DATABASE_URL: db.url },
    },
  );
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log("no schema changes since the last migration");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS, `${stamp}_${name}`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    fs.writeFileSync(SNAPSHOT, current);
    console.log(`wrote ${dir}/migration.sql`);
  }
} finally {
  fs.rmSync(currentFile, { force: true });
  await db.stop();
}
