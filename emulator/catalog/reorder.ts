import type { Gid } from "../store/types";

export interface Move {
  id: Gid;
  newPosition: number;
}

/**
 * Applies `collectionReorderProducts` moves in sequence: each move takes the product out and puts
 * it back at `newPosition` (zero-based, evaluated after the previous moves); a position past the
 * end places it last. Example: [A,B,C,D,E] with E→1 then C→4 gives [A,E,B,D,C].
 */
export function applyMoves(order: readonly Gid[], moves: readonly Move[]): Gid[] {
  const result = [...order];
  for (const move of moves) {
    const from = result.indexOf(move.id);
    if (from === -1) continue;
    result.splice(from, 1);
    result.splice(Math.min(move.newPosition, result.length), 0, move.id);
  }
  return result;
}

/**
 * A product that leaves a collection loses its manual position: added again, it joins after the
 * ordered products like any new member (Shopify keeps no position for non-members).
 */
export function positionsOfMembers(manualOrder: readonly Gid[], members: ReadonlySet<Gid>): Gid[] {
  return manualOrder.filter((id) => members.has(id));
}
