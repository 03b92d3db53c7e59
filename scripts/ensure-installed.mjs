// First step of `npm run demo` and `npm test`: on a fresh clone (or after package-lock.json
// changed) install the exact dependency tree, which also brings the project's Node 24.
// Runs on any Node >= 18 (it is what starts before the project's Node exists).
import { execSync } from "node:child_process";
import fs from "node:fs";

const lock = "package-lock.json";
const installed = "node_modules/.package-lock.json";
const stale =
  !fs.existsSync(installed) || fs.statSync(installed).mtimeMs < fs.statSync(lock).mtimeMs;
if (stale) {
  console.log("Installing dependencies (npm ci)…");
  execSync("npm ci --no-audit --no-fund", { stdio: "inherit" });
}
