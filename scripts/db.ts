// Starts the project's embedded PostgreSQL (data under .data/pg) and keeps it running until Ctrl-C.
// Usage: npm run db:start [-- --port 55440]
import { startEmbeddedPostgres } from "../tests/support/embedded-postgres";

const portFlag = process.argv.indexOf("--port");
const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : 55440;
const db = await startEmbeddedPostgres({ dataDir: ".data/pg", port, persistent: true });
console.log(`PostgreSQL ready: ${db.url}`);
const stop = async () => {
  await db.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
