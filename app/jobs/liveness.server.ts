import pg from "pg";
import { getEnv } from "../env.server";

/**
 * Process liveness through PostgreSQL (docs/decisions/034-scheduler-prefetch-and-liveness.md).
 * A worker process holds a session advisory lock `(LIVENESS_LOCK_CLASS, id)` on a connection of
 * its own for as long as it lives. When the process dies (SIGKILL included) the kernel closes the
 * socket and PostgreSQL drops the lock at once, so other workers can tell within one poll that
 * work claimed under that id is orphaned, instead of waiting for a lease or job expiry.
 */

/**
 * First key of the two-key advisory lock; the second is the process's liveness id. SQL asks
 * `merchdesk_process_alive(id)` (migration 20261127113422_homepage_switch_holder, same constant).
 */
export const LIVENESS_LOCK_CLASS = 0x4d44_4c56;

interface Held {
  id: number;
  client: pg.Client;
}

let held: Promise<Held> | null = null;
let registered = false;

async function acquire(connectionString: string): Promise<Held> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  for (;;) {
    // Positive int4: pg_locks shows the key as an unsigned oid.
    const id = 1 + Math.floor(Math.random() * 0x7fff_fffe);
    const { rows } = await client.query<{ ok: boolean }>(
      "SELECT pg_try_advisory_lock($1, $2) AS ok",
      [LIVENESS_LOCK_CLASS, id],
    );
    if (rows[0]?.ok) {
      // A lost connection loses the lock: take a new id on next use (claims under the old one
      // are orphaned by then and may be taken over).
      client.on("error", () => {
        if (held && current?.client === client) held = null;
      });
      return { id, client };
    }
  }
}

let current: Held | null = null;

/**
 * Marks this process as one whose claims others may take over the moment it dies (the worker
 * calls it at start). Until then `livenessId()` answers null and claims rely on their lease.
 */
export async function registerLiveness(connectionString = getEnv().DATABASE_URL): Promise<number> {
  registered = true;
  held ??= acquire(connectionString).then((value) => (current = value));
  return (await held).id;
}

/** This process's liveness id, or null when it has not registered (web process, tests). */
export async function livenessId(): Promise<number | null> {
  if (!registered) return null;
  try {
    return await registerLiveness();
  } catch {
    held = null;
    return null;
  }
}

/** Releases the lock (graceful stop): claims still held fall back to their lease. */
export async function releaseLiveness(): Promise<void> {
  registered = false;
  const value = held ? await held.catch(() => null) : null;
  held = null;
  current = null;
  await value?.client.end().catch(() => undefined);
}
