import fs from "node:fs";
import path from "node:path";
import type { ShopState } from "./types";

/**
 * Saving and loading the emulator's shops as JSON. `Map`s (shop collections, theme files, id
 * counters) are written as `{"$map": [[key, value], ...]}` and revived as Maps.
 */

export const STATE_FORMAT_VERSION = 1;

interface SavedState {
  version: number;
  savedAt: string;
  shops: ShopState[];
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value.entries()] };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    Array.isArray((value as { $map?: unknown }).$map)
  ) {
    return new Map((value as { $map: [unknown, unknown][] }).$map);
  }
  return value;
}

export function serializeShops(shops: readonly ShopState[], savedAt = new Date()): string {
  const state: SavedState = {
    version: STATE_FORMAT_VERSION,
    savedAt: savedAt.toISOString(),
    shops: [...shops],
  };
  return JSON.stringify(state, replacer);
}

export function deserializeShops(text: string): ShopState[] {
  const state = JSON.parse(text, reviver) as Partial<SavedState>;
  if (state.version !== STATE_FORMAT_VERSION || !Array.isArray(state.shops)) {
    throw new Error(`unsupported emulator state (version ${String(state.version)})`);
  }
  return state.shops;
}

/** Writes atomically (temp file + rename) so an interrupted save never leaves half a file. */
export function saveStateFile(file: string, shops: readonly ShopState[]): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, serializeShops(shops));
  fs.renameSync(temp, file);
}

/** The saved shops, or null when the file does not exist. */
export function loadStateFile(file: string): ShopState[] | null {
  if (!fs.existsSync(file)) return null;
  return deserializeShops(fs.readFileSync(file, "utf8"));
}
