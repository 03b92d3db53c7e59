import type { Resolvers } from "./context";

/** Combines resolver maps by type; a field defined twice is a programming error. */
export function mergeResolvers(...maps: Resolvers[]): Resolvers {
  const merged: Resolvers = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) {
      const target = (merged[typeName] ??= {});
      for (const [field, resolver] of Object.entries(fields)) {
        if (target[field]) throw new Error(`resolver defined twice: ${typeName}.${field}`);
        target[field] = resolver;
      }
    }
  }
  return merged;
}
