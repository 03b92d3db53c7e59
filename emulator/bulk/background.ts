/**
 * Background work (bulk operations) that outlives the request that started it. Tracked so tests
 * and shutdown can wait for it; each task yields to the event loop between chunks so the server
 * stays responsive while a 100,000-product export runs.
 */

const pending = new Set<Promise<void>>();

/** Starts `task` after the current request has answered. Errors are the task's own business. */
export function runInBackground(task: () => Promise<void>): void {
  const promise = new Promise<void>((resolve) => setImmediate(resolve))
    .then(task)
    .catch((error: unknown) => {
      console.error("emulator background task failed", error);
    })
    .finally(() => pending.delete(promise));
  pending.add(promise);
}

/** Resolves when every background task (including ones started meanwhile) has finished. */
export async function settleBackgroundTasks(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}

/** Lets other work (HTTP requests, timers) run between chunks of a long task. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
