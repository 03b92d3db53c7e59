import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../support/embedded-postgres";

export interface DemoStack {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the standalone demo exactly as the README's first command does (scripts/demo.ts), on
 * free ports with a throwaway data folder, and resolves once it prints its URL.
 */
export async function startDemoStack(timeoutMs = 240_000): Promise<DemoStack> {
  const dataDir = path.join(os.tmpdir(), `merchdesk-e2e-${randomUUID()}`);
  const [port, emulatorPort, dbPort] = [await freePort(), await freePort(), await freePort()];
  const child: ChildProcess = spawn(
    "npx",
    [
      "tsx",
      "scripts/demo.ts",
      "--port",
      String(port),
      "--emulator-port",
      String(emulatorPort),
      "--db-port",
      String(dbPort),
      "--data-dir",
      dataDir,
      "--no-shoppers",
    ],
    { stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/Merchdesk demo is running: (\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`demo exited (${code}):\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
