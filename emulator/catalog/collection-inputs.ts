import { z } from "zod";

/**
 * Shapes of the 2026-10 collection mutation inputs. GraphQL validation has already checked types,
 * required fields and `@oneOf`; these schemas give the resolvers typed values. Condition bodies
 * stay open records: every kind shares the fields relation / matchType / values / value /
 * definitionId, and they are stored as sent.
 */

const nullableString = z.string().nullish();
export const MatchTypeInput = z.enum(["ALL", "ANY"]);

/** `{ productTag: { matchType, relation, values } }` — exactly one key (`@oneOf`). */
export const ConditionInput = z.record(z.string(), z.record(z.string(), z.unknown()).nullish());
export type ConditionInput = z.infer<typeof ConditionInput>;

export const InclusionSelectionInput = z.object({
  productId: z.string(),
  variantIds: z.array(z.string()).nullish(),
});
export type InclusionSelectionInput = z.infer<typeof InclusionSelectionInput>;

export const ExclusionSelectionInput = z.object({ productId: z.string() });

export const CreateConditionsSourceInput = z.object({
  title: z.string(),
  description: nullableString,
  targetType: z.enum(["PRODUCTS", "VARIANTS"]).nullish(),
  inclusion: z
    .object({
      conditions: z.array(ConditionInput).nullish(),
      matchType: MatchTypeInput.nullish(),
      selections: z.array(InclusionSelectionInput).nullish(),
    })
    .nullish(),
  exclusion: z
    .object({
      conditions: z.array(ConditionInput).nullish(),
      matchType: MatchTypeInput.nullish(),
      selections: z.array(ExclusionSelectionInput).nullish(),
    })
    .nullish(),
});
export type CreateConditionsSourceInput = z.infer<typeof CreateConditionsSourceInput>;

export const SubCollectionsSourceInput = z.object({
  title: z.string(),
  description: nullableString,
  collectionIds: z.array(z.string()),
});

export const SourceTargetInput = z.object({
  source: CreateConditionsSourceInput.nullish(),
  shareableSource: z.object({ sourceId: z.string() }).nullish(),
  subCollections: SubCollectionsSourceInput.nullish(),
});
export type SourceTargetInput = z.infer<typeof SourceTargetInput>;

const ConditionUpdate = z.object({ id: z.string(), condition: ConditionInput });

export const UpdateConditionsSourceInput = z.object({
  id: z.string(),
  title: nullableString,
  description: nullableString,
  inclusion: z
    .object({
      selectionsToAdd: z.array(InclusionSelectionInput).nullish(),
      selectionsToRemove: z.array(InclusionSelectionInput).nullish(),
      conditionsToCreate: z.array(ConditionInput).nullish(),
      conditionsToUpdate: z.array(ConditionUpdate).nullish(),
      conditionsToDelete: z.array(z.string()).nullish(),
      matchType: MatchTypeInput.nullish(),
    })
    .nullish(),
  exclusion: z
    .object({
      selectionsToAdd: z.array(ExclusionSelectionInput).nullish(),
      selectionsToRemove: z.array(ExclusionSelectionInput).nullish(),
      conditionsToCreate: z.array(ConditionInput).nullish(),
      conditionsToUpdate: z.array(ConditionUpdate).nullish(),
      conditionsToDelete: z.array(z.string()).nullish(),
      matchType: MatchTypeInput.nullish(),
    })
    .nullish(),
});
export type UpdateConditionsSourceInput = z.infer<typeof UpdateConditionsSourceInput>;

export const UpdateSourceTargetInput = z.object({
  condition: UpdateConditionsSourceInput.nullish(),
  subCollections: z
    .object({
      id: z.string(),
      title: nullableString,
      description: nullableString,
      collectionIds: z.array(z.string()).nullish(),
    })
    .nullish(),
});

const SortOrderInput = z.enum([
  "ALPHA_ASC",
  "ALPHA_DESC",
  "BEST_SELLING",
  "CREATED",
  "CREATED_DESC",
  "MANUAL",
  "MOST_RELEVANT",
  "PRICE_ASC",
  "PRICE_DESC",
]);

const SeoInput = z.object({ title: nullableString, description: nullableString });

const commonFields = {
  descriptionHtml: nullableString,
  handle: nullableString,
  image: z.unknown().optional(),
  metafields: z.unknown().optional(),
  seo: SeoInput.nullish(),
  sortOrder: SortOrderInput.nullish(),
  templateSuffix: nullableString,
};

export const CollectionCreateInput = z.object({
  ...commonFields,
  title: z.string(),
  sources: z.array(SourceTargetInput).nullish(),
});
export type CollectionCreateInput = z.infer<typeof CollectionCreateInput>;

export const CollectionUpdateInput = z.object({
  ...commonFields,
  id: nullableString,
  title: nullableString,
  redirectNewHandle: z.boolean().nullish(),
  sourcesToCreate: z.array(SourceTargetInput).nullish(),
  sourcesToUpdate: z.array(UpdateSourceTargetInput).nullish(),
  sourcesToDelete: z.array(z.string()).nullish(),
});
export type CollectionUpdateInput = z.infer<typeof CollectionUpdateInput>;
