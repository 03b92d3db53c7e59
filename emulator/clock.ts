import type { Clock } from "./graphql/context";

/**
 * Real time, optionally shifted forward or frozen through the control API, so tests and the demo
 * can jump to a campaign's start without waiting.
 */
export class EmulatorClock implements Clock {
  private offsetMs = 0;
  private frozenAtMs: number | null = null;

  now(): Date {
    return new Date(this.frozenAtMs ?? Date.now() + this.offsetMs);
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  /** Moves the clock forward (also while frozen). */
  advance(ms: number): void {
    if (ms < 0) throw new RangeError("the emulator clock only moves forward");
    if (this.frozenAtMs !== null) this.frozenAtMs += ms;
    else this.offsetMs += ms;
  }

  /** Stops the clock at `at` (default: now). */
  freeze(at: Date = this.now()): void {
    this.frozenAtMs = at.getTime();
  }

  /** Lets the clock run again from where it stands. */
  unfreeze(): void {
    if (this.frozenAtMs === null) return;
    this.offsetMs = this.frozenAtMs - Date.now();
    this.frozenAtMs = null;
  }

  isFrozen(): boolean {
    return this.frozenAtMs !== null;
  }
}
