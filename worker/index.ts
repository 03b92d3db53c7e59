// The worker process: runs every job of the catalog (pg-boss on the app's PostgreSQL), its
// schedules and pg-boss maintenance. Run as many as needed; each job is delivered to one of them.
import { startWorker } from "./worker";

const worker = await startWorker();
console.log(`[worker] running ${worker.queues.join(", ")}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: finishing active jobs`);
  await worker.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
