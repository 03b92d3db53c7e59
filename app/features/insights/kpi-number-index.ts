/**
 * Maps non-negative integer keys (numeric parts of Shopify GIDs, packed day/product pairs) to
 * dense slots 0, 1, 2, … in insertion order. Open addressing over typed arrays: a million keys
 * take ~24 MB and no per-entry objects, which a `Map` with a million entries does not manage.
 * Callers keep their per-key data in their own columns indexed by the slot.
 */
const EMPTY = -1;

export class NumberKeyIndex {
  private keys: Float64Array;
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity *= 2;
    this.keys = new Float64Array(capacity).fill(EMPTY);
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The slot of `key`, or -1. */
  find(key: number): number {
    const keys = this.keys;
    let position = hash(key) & this.mask;
    for (;;) {
      const found = keys[position];
      if (found === key) return this.slots[position];
      if (found === EMPTY) return -1;
      position = (position + 1) & this.mask;
    }
  }

  /** The slot of `key`, adding it (as slot `size`) when it is new. */
  findOrAdd(key: number): number {
    const keys = this.keys;
    let position = hash(key) & this.mask;
    for (;;) {
      const found = keys[position];
      if (found === key) return this.slots[position];
      if (found === EMPTY) break;
      position = (position + 1) & this.mask;
    }
    const slot = this.count++;
    keys[position] = key;
    this.slots[position] = slot;
    if (this.count * 2 > keys.length) this.rehash();
    return slot;
  }

  private rehash(): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    const capacity = oldKeys.length * 2;
    this.keys = new Float64Array(capacity).fill(EMPTY);
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i];
      if (key === EMPTY) continue;
      let position = hash(key) & this.mask;
      while (this.keys[position] !== EMPTY) position = (position + 1) & this.mask;
      this.keys[position] = key;
      this.slots[position] = oldSlots[i];
    }
  }
}

/** Mixes both 32-bit halves of a (safe integer) key; sequential ids spread across the table. */
function hash(key: number): number {
  const low = key | 0;
  const high = (key / 4294967296) | 0;
  let h = Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 15;
  return h;
}

/** A growable Int32 column (slot-indexed data kept beside a NumberKeyIndex). */
export class Int32Column {
  values: Int32Array;

  constructor(
    capacity = 1024,
    private readonly fillValue = 0,
  ) {
    this.values = new Int32Array(capacity).fill(fillValue);
  }

  ensure(index: number): void {
    if (index < this.values.length) return;
    let capacity = this.values.length * 2;
    while (capacity <= index) capacity *= 2;
    const next = new Int32Array(capacity).fill(this.fillValue);
    next.set(this.values);
    this.values = next;
  }
}

/** A growable Float64 column. */
export class Float64Column {
  values: Float64Array;

  constructor(capacity = 1024) {
    this.values = new Float64Array(capacity);
  }

  ensure(index: number): void {
    if (index < this.values.length) return;
    let capacity = this.values.length * 2;
    while (capacity <= index) capacity *= 2;
    const next = new Float64Array(capacity);
    next.set(this.values);
    this.values = next;
  }
}
