/**
 * Which of a collection's sources Merchdesk edits for manual picks: the first conditions source
 * without inclusion conditions (a plain "manual" source), else the first conditions source
 * (its selections add to its conditions). Pure.
 */
export interface SourceInfo {
  __typename: string;
  id: string;
  inclusion?: { conditions: readonly unknown[] } | null;
  exclusion?: { conditions: readonly unknown[] } | null;
}

export function managedSourceId(sources: readonly SourceInfo[]): string | null {
  const conditionsSources = sources.filter((s) => s.__typename === "CollectionConditionsSource");
  const manual = conditionsSources.find((s) => (s.inclusion?.conditions.length ?? 0) === 0);
  return (manual ?? conditionsSources[0])?.id ?? null;
}

/** Whether members can come from something other than manual picks. */
export function hasRules(sources: readonly SourceInfo[]): boolean {
  return sources.some(
    (s) =>
      s.__typename === "CollectionSubCollectionsSource" ||
      (s.inclusion?.conditions.length ?? 0) > 0,
  );
}

/** Title of the source Merchdesk adds to a collection that has none for manual picks. */
export const MANUAL_SOURCE_TITLE = "Manual selection";
