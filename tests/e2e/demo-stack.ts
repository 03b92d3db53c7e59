import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
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

// Debian's Chromium, never a downloaded browser; the flags keep it off the (closed) network.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
export const ARTIFACTS = "test-results";

/**
 * The demo started as the README does, and a page in Debian's Chromium (English UI, script errors
 * collected into `pageErrors`). Screenshots go to ARTIFACTS.
 */
export async function openDemoInBrowser(options: {
  viewport: { width: number; height: number };
  pageErrors: string[];
}): Promise<{ stack: DemoStack; browser: Browser; page: Page }> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (see .ci/run)`);
  }
  const stack = await startDemoStack();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  const page = await browser.newPage({ viewport: options.viewport, locale: "en-US" });
  page.on("pageerror", (error) => options.pageErrors.push(error.message));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return { stack, browser, page };
}

export interface DemoInBrowser {
  readonly stack: DemoStack;
  readonly browser: Browser;
  readonly page: Page;
  /** Script errors the page raised (each file asserts there were none). */
  readonly pageErrors: string[];
}

/**
 * One demo and browser page for the calling test file: opened before its tests, closed after.
 * Call at the top level of the file.
 */
export function demoInBrowserPerFile(
  viewport: { width: number; height: number } = { width: 1280, height: 1000 },
): DemoInBrowser {
  const pageErrors: string[] = [];
  let opened: Awaited<ReturnType<typeof openDemoInBrowser>> | undefined;
  beforeAll(async () => {
    opened = await openDemoInBrowser({ viewport, pageErrors });
  });
  afterAll(async () => {
    await opened?.browser.close();
    await opened?.stack.stop();
  });
  const started = () => {
    if (!opened) throw new Error("the demo is not open yet: use it inside a test or a later hook");
    return opened;
  };
  return {
    get stack() {
      return started().stack;
    },
    get browser() {
      return started().browser;
    },
    get page() {
      return started().page;
    },
    pageErrors,
  };
}

/** Waits for a collection change's page to show a status (the worker applies it meanwhile). */
export async function waitForChangeStatus(page: Page, status: string) {
  await expect
    .poll(async () => page.locator("#change-status").getAttribute("data-status"), {
      timeout: 60_000,
      interval: 500,
    })
    .toBe(status);
}
