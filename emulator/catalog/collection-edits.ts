import { GraphQLError } from "graphql";
import type {
  Collection,
  CollectionSource,
  ConditionsSource,
  ExclusionConditionKind,
  Gid,
  InclusionConditionKind,
  IsoInstant,
  ShopState,
  StoredCondition,
  SubCollectionsSource,
} from "../store/types";
import type {
  CollectionCreateInput,
  CollectionUpdateInput,
  ConditionInput,
  CreateConditionsSourceInput,
  InclusionSelectionInput,
  SourceTargetInput,
  UpdateConditionsSourceInput,
} from "./collection-inputs";
import { handleize, uniqueHandle } from "./handles";
import { collectionProductIds } from "./membership";

/**
 * collectionCreate / collectionUpdate semantics on the store: validation with the generic
 * `UserError { field, message }` the platform returns for these mutations (no codes, so the
 * sub-collection eligibility reasons are spelled out in the message), and atomic application —
 * any error leaves the shop unchanged.
 */

export interface UserErrorShape {
  field: string[] | null;
  message: string;
}

type Path = readonly (string | number)[];

class ErrorList {
  readonly list: UserErrorShape[] = [];
  add(path: Path | null, message: string): void {
    this.list.push({ field: path ? path.map(String) : null, message });
  }
}

export interface EditEnv {
  shop: ShopState;
  now: IsoInstant;
  nextGid(type: string): Gid;
}

/** At most this many conditions (inclusion + exclusion) per source. */
export const MAX_CONDITIONS_PER_SOURCE = 60;
const MAX_TITLE_LENGTH = 255;

const INCLUSION_KINDS: readonly InclusionConditionKind[] = [
  "productTag",
  "productTitle",
  "productType",
  "productVendor",
  "productStatus",
  "productCategory",
  "variantTitle",
  "variantPrice",
  "variantCompareAtPrice",
  "variantInventory",
  "variantWeight",
  "metafieldBoolean",
  "metafieldInteger",
  "metafieldDecimal",
  "metafieldString",
  "metafieldStringList",
  "metafieldMetaobject",
  "metafieldMetaobjectList",
];
const EXCLUSION_KINDS: readonly ExclusionConditionKind[] = [
  "collection",
  "productTag",
  "productType",
  "productVendor",
  "productCategory",
];

function failNotEmulated(what: string): never {
  throw new GraphQLError(`not emulated: ${what}`, { extensions: { code: "NOT_EMULATED" } });
}

/** Whether a collection takes its members from other collections (sub-collections or exclusions). */
export function referencesOtherCollections(collection: Collection): boolean {
  return collection.sources.some((source) =>
    source.kind === "subCollections"
      ? source.collectionIds.length > 0
      : (source.exclusion?.conditions ?? []).some((condition) => condition.kind === "collection"),
  );
}

function referencedIds(collection: Collection): Gid[] {
  return collection.sources.flatMap((source) =>
    source.kind === "subCollections"
      ? source.collectionIds
      : (source.exclusion?.conditions ?? [])
          .filter((condition) => condition.kind === "collection")
          .flatMap((condition) => (condition.values ?? []).map(String)),
  );
}

function isReferencedByOthers(shop: ShopState, id: Gid): boolean {
  return [...shop.collections.values()].some(
    (other) => other.id !== id && referencedIds(other).includes(id),
  );
}

class CollectionEditor {
  readonly errors = new ErrorList();
  constructor(
    private readonly env: EditEnv,
    /** The collection being built or edited (a draft, committed only without errors). */
    private readonly draft: Collection,
  ) {}

  setTitle(title: string, path: Path): void {
    if (title.trim() === "") this.errors.add(path, "Title can't be blank");
    else if (title.length > MAX_TITLE_LENGTH) {
      this.errors.add(path, `Title is too long (maximum is ${MAX_TITLE_LENGTH} characters)`);
    } else this.draft.title = title;
  }

  /** An explicit handle is normalized like a generated one and must not be in use. */
  setHandle(handle: string, path: Path): void {
    const normalized = handleize(handle);
    if (normalized === "") return this.errors.add(path, "Handle is invalid");
    if (normalized.length > MAX_TITLE_LENGTH) {
      return this.errors.add(
        path,
        `Handle is too long (maximum is ${MAX_TITLE_LENGTH} characters)`,
      );
    }
    if (this.handleTaken(normalized)) {
      return this.errors.add(
        path,
        `Handle '${normalized}' already in use. Please provide a new handle.`,
      );
    }
    this.draft.handle = normalized;
  }

  generateHandle(): void {
    const base = handleize(this.draft.title) || "collection";
    this.draft.handle = uniqueHandle(base, (handle) => this.handleTaken(handle));
  }

  private handleTaken(handle: string): boolean {
    for (const other of this.env.shop.collections.values()) {
      if (other.id !== this.draft.id && other.handle === handle) return true;
    }
    return false;
  }

  applyCommonFields(input: CollectionCreateInput | CollectionUpdateInput): void {
    if (input.image != null) failNotEmulated("collection image input");
    if (input.metafields != null) failNotEmulated("collection metafields input");
    if (input.descriptionHtml != null) this.draft.descriptionHtml = input.descriptionHtml;
    if (input.seo) {
      if (input.seo.title !== undefined) this.draft.seo.title = input.seo.title;
      if (input.seo.description !== undefined) this.draft.seo.description = input.seo.description;
    }
    if (input.templateSuffix !== undefined)
      this.draft.templateSuffix = input.templateSuffix || null;
    if (input.sortOrder && input.sortOrder !== this.draft.sortOrder) {
      // Switching to MANUAL starts from the order the merchant was looking at.
      if (input.sortOrder === "MANUAL" && this.draft.manualOrder.length === 0) {
        const stored = this.env.shop.collections.get(this.draft.id);
        this.draft.manualOrder = stored ? collectionProductIds(this.env.shop, stored) : [];
      }
      this.draft.sortOrder = input.sortOrder;
    }
  }

  createSource(input: SourceTargetInput, path: Path): void {
    if (input.source) {
      this.draft.sources.push(this.buildConditionsSource(input.source, [...path, "source"]));
    } else if (input.subCollections) {
      const sub = input.subCollections;
      const subPath = [...path, "subCollections"];
      if (sub.title.trim() === "") this.errors.add([...subPath, "title"], "Title can't be blank");
      this.checkReferences(sub.collectionIds, [...subPath, "collectionIds"]);
      this.draft.sources.push({
        kind: "subCollections",
        id: this.env.nextGid("CollectionSubCollectionsSource"),
        title: sub.title,
        description: sub.description ?? null,
        collectionIds: [...new Set(sub.collectionIds)],
      });
    } else if (input.shareableSource) {
      const id = input.shareableSource.sourceId;
      const shared = this.findShareableSource(id);
      if (!shared)
        this.errors.add([...path, "shareableSource", "sourceId"], "Source does not exist");
      else if (this.draft.sources.some((source) => source.id === id)) {
        this.errors.add(
          [...path, "shareableSource", "sourceId"],
          "Source is already linked to this collection",
        );
      } else this.draft.sources.push(shared);
    }
  }

  private findShareableSource(id: Gid): ConditionsSource | undefined {
    for (const collection of this.env.shop.collections.values()) {
      for (const source of collection.sources) {
        if (source.id === id && source.kind === "conditions" && source.shareable) return source;
      }
    }
    return undefined;
  }

  private buildConditionsSource(input: CreateConditionsSourceInput, path: Path): ConditionsSource {
    if (input.title.trim() === "") this.errors.add([...path, "title"], "Title can't be blank");
    const source: ConditionsSource = {
      kind: "conditions",
      id: this.env.nextGid("CollectionConditionsSource"),
      title: input.title,
      description: input.description ?? null,
      targetType: input.targetType ?? "PRODUCTS",
      shareable: false,
      inclusion: { matchType: input.inclusion?.matchType ?? null, conditions: [], selections: [] },
      exclusion: input.exclusion
        ? { matchType: input.exclusion.matchType ?? null, conditions: [], selections: [] }
        : null,
    };
    const inclusionPath = [...path, "inclusion"];
    (input.inclusion?.conditions ?? []).forEach((condition, i) => {
      const stored = this.inclusionCondition(condition, [...inclusionPath, "conditions", i]);
      if (stored) source.inclusion.conditions.push(stored);
    });
    (input.inclusion?.selections ?? []).forEach((selection, i) =>
      this.addInclusionSelection(source, selection, [...inclusionPath, "selections", i]),
    );
    const exclusionPath = [...path, "exclusion"];
    (input.exclusion?.conditions ?? []).forEach((condition, i) => {
      const stored = this.exclusionCondition(condition, [...exclusionPath, "conditions", i]);
      if (stored) source.exclusion?.conditions.push(stored);
    });
    (input.exclusion?.selections ?? []).forEach((selection, i) =>
      this.addExclusionSelection(source, selection.productId, [...exclusionPath, "selections", i]),
    );
    this.checkConditionCount(source, path);
    return source;
  }

  updateConditionsSource(input: UpdateConditionsSourceInput, path: Path): void {
    const source = this.draft.sources.find((s) => s.id === input.id);
    if (!source) return this.errors.add([...path, "id"], "Source does not exist");
    if (source.kind !== "conditions") {
      return this.errors.add([...path, "id"], "Source is not a conditions source");
    }
    if (input.title != null) {
      if (input.title.trim() === "") this.errors.add([...path, "title"], "Title can't be blank");
      else source.title = input.title;
    }
    if (input.description !== undefined) source.description = input.description;
    const inclusion = input.inclusion;
    if (inclusion) {
      const at = [...path, "inclusion"];
      (inclusion.conditionsToDelete ?? []).forEach((id, i) => {
        const before = source.inclusion.conditions.length;
        source.inclusion.conditions = source.inclusion.conditions.filter((c) => c.id !== id);
        if (source.inclusion.conditions.length === before) {
          this.errors.add([...at, "conditionsToDelete", i], "Condition does not exist");
        }
      });
      (inclusion.conditionsToUpdate ?? []).forEach((update, i) => {
        const at2 = [...at, "conditionsToUpdate", i];
        const index = source.inclusion.conditions.findIndex((c) => c.id === update.id);
        if (index === -1) return this.errors.add([...at2, "id"], "Condition does not exist");
        const merged = this.inclusionCondition(
          update.condition,
          [...at2, "condition"],
          source.inclusion.conditions[index],
        );
        if (merged) source.inclusion.conditions[index] = merged;
      });
      (inclusion.conditionsToCreate ?? []).forEach((condition, i) => {
        const stored = this.inclusionCondition(condition, [...at, "conditionsToCreate", i]);
        if (stored) source.inclusion.conditions.push(stored);
      });
      (inclusion.selectionsToRemove ?? []).forEach((selection) =>
        removeInclusionSelection(source, selection),
      );
      (inclusion.selectionsToAdd ?? []).forEach((selection, i) =>
        this.addInclusionSelection(source, selection, [...at, "selectionsToAdd", i]),
      );
      if (inclusion.matchType) source.inclusion.matchType = inclusion.matchType;
    }
    const exclusionInput = input.exclusion;
    if (exclusionInput) {
      const at = [...path, "exclusion"];
      const exclusion = (source.exclusion ??= { matchType: null, conditions: [], selections: [] });
      (exclusionInput.conditionsToDelete ?? []).forEach((id, i) => {
        const before = exclusion.conditions.length;
        exclusion.conditions = exclusion.conditions.filter((c) => c.id !== id);
        if (exclusion.conditions.length === before) {
          this.errors.add([...at, "conditionsToDelete", i], "Condition does not exist");
        }
      });
      (exclusionInput.conditionsToUpdate ?? []).forEach((update, i) => {
        const at2 = [...at, "conditionsToUpdate", i];
        const index = exclusion.conditions.findIndex((c) => c.id === update.id);
        if (index === -1) return this.errors.add([...at2, "id"], "Condition does not exist");
        const merged = this.exclusionCondition(
          update.condition,
          [...at2, "condition"],
          exclusion.conditions[index],
        );
        if (merged) exclusion.conditions[index] = merged;
      });
      (exclusionInput.conditionsToCreate ?? []).forEach((condition, i) => {
        const stored = this.exclusionCondition(condition, [...at, "conditionsToCreate", i]);
        if (stored) exclusion.conditions.push(stored);
      });
      const removed = new Set((exclusionInput.selectionsToRemove ?? []).map((s) => s.productId));
      exclusion.selections = exclusion.selections.filter((s) => !removed.has(s.productId));
      (exclusionInput.selectionsToAdd ?? []).forEach((selection, i) =>
        this.addExclusionSelection(source, selection.productId, [...at, "selectionsToAdd", i]),
      );
      if (exclusionInput.matchType) exclusion.matchType = exclusionInput.matchType;
    }
    this.checkConditionCount(source, path);
  }

  updateSubCollectionsSource(
    input: {
      id: Gid;
      title?: string | null;
      description?: string | null;
      collectionIds?: Gid[] | null;
    },
    path: Path,
  ): void {
    const source = this.draft.sources.find((s) => s.id === input.id);
    if (!source) return this.errors.add([...path, "id"], "Source does not exist");
    if (source.kind !== "subCollections") {
      return this.errors.add([...path, "id"], "Source is not a sub-collections source");
    }
    if (input.title != null) {
      if (input.title.trim() === "") this.errors.add([...path, "title"], "Title can't be blank");
      else source.title = input.title;
    }
    if (input.description !== undefined) source.description = input.description;
    if (input.collectionIds) {
      this.checkReferences(input.collectionIds, [...path, "collectionIds"]);
      source.collectionIds = [...new Set(input.collectionIds)];
    }
  }

  deleteSource(id: Gid, path: Path): void {
    const before = this.draft.sources.length;
    this.draft.sources = this.draft.sources.filter((source) => source.id !== id);
    if (this.draft.sources.length === before) this.errors.add(path, "Source does not exist");
  }

  private addInclusionSelection(
    source: ConditionsSource,
    selection: InclusionSelectionInput,
    path: Path,
  ): void {
    const product = this.env.shop.products.get(selection.productId);
    if (!product) return this.errors.add([...path, "productId"], "Product does not exist");
    const variantIds = selection.variantIds ?? null;
    if (variantIds && source.targetType !== "VARIANTS") {
      return this.errors.add(
        [...path, "variantIds"],
        "Variant selections are only allowed on sources that target variants",
      );
    }
    const unknown = (variantIds ?? []).find((id) => !product.variants.some((v) => v.id === id));
    if (unknown) {
      return this.errors.add(
        [...path, "variantIds"],
        `Variant ${unknown} does not belong to the product`,
      );
    }
    const existing = source.inclusion.selections.find((s) => s.productId === product.id);
    if (!existing) {
      source.inclusion.selections.push({
        productId: product.id,
        variantIds: variantIds ? [...variantIds] : null,
      });
    } else if (existing.variantIds) {
      existing.variantIds = variantIds
        ? [...new Set([...existing.variantIds, ...variantIds])]
        : null;
    }
  }

  private addExclusionSelection(source: ConditionsSource, productId: Gid, path: Path): void {
    if (!this.env.shop.products.has(productId)) {
      return this.errors.add([...path, "productId"], "Product does not exist");
    }
    const exclusion = (source.exclusion ??= { matchType: null, conditions: [], selections: [] });
    if (!exclusion.selections.some((s) => s.productId === productId)) {
      exclusion.selections.push({ productId });
    }
  }

  private inclusionCondition(
    input: ConditionInput,
    path: Path,
    existing?: StoredCondition<InclusionConditionKind>,
  ): StoredCondition<InclusionConditionKind> | null {
    const parsed = this.conditionBody(input, INCLUSION_KINDS, path, existing);
    if (!parsed) return null;
    const { kind, condition } = parsed;
    const at = [...path, kind];
    if (kind === "variantCompareAtPrice") {
      const presence = condition.relation === "IS_SET" || condition.relation === "IS_NOT_SET";
      if (presence && condition.value != null) {
        this.errors.add(
          [...at, "value"],
          "Value must be absent when the relation is IS_SET or IS_NOT_SET",
        );
        return null;
      }
      if (!presence && condition.value == null) {
        this.errors.add([...at, "value"], "Value is required for this relation");
        return null;
      }
    }
    return { ...condition, kind };
  }

  private exclusionCondition(
    input: ConditionInput,
    path: Path,
    existing?: StoredCondition<ExclusionConditionKind>,
  ): StoredCondition<ExclusionConditionKind> | null {
    const parsed = this.conditionBody(input, EXCLUSION_KINDS, path, existing);
    if (!parsed) return null;
    const { kind, condition } = parsed;
    if (kind === "collection") {
      const ids = (condition.values ?? []).map(String);
      this.checkReferences(ids, [...path, kind, "values"]);
      // Collection exclusions always match any referenced collection.
      return { ...condition, kind, values: [...new Set(ids)], matchType: "ANY", relation: null };
    }
    return { ...condition, kind };
  }

  /** Reads the single `@oneOf` key of a condition input, merging onto `existing` for updates. */
  private conditionBody<K extends string>(
    input: ConditionInput,
    kinds: readonly K[],
    path: Path,
    existing?: StoredCondition<K>,
  ): { kind: K; condition: Omit<StoredCondition<K>, "kind"> } | null {
    const entry = Object.entries(input).find(([, body]) => body != null);
    if (!entry) {
      this.errors.add(path, "A condition must specify exactly one condition type");
      return null;
    }
    const [key, body] = entry;
    const kind = kinds.find((candidate) => candidate === key);
    if (!kind || !body) {
      this.errors.add([...path, key], "Unknown condition type");
      return null;
    }
    if (existing && existing.kind !== kind) {
      this.errors.add(
        [...path, key],
        `The condition is a ${existing.kind} condition; its type can't change`,
      );
      return null;
    }
    const pick = (name: string, fallback: unknown): unknown =>
      name in body ? body[name] : fallback;
    const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
    const values = pick("values", existing?.values ?? null);
    const matchType = pick("matchType", existing?.matchType ?? null);
    const condition: Omit<StoredCondition<K>, "kind"> = {
      id: existing?.id ?? this.env.nextGid("CollectionSourceCondition"),
      relation: text(pick("relation", existing?.relation ?? null)),
      matchType: matchType === "ALL" ? "ALL" : matchType === "ANY" ? "ANY" : null,
      values: Array.isArray(values) ? (values as unknown[]) : null,
      value: pick("value", existing?.value ?? null) ?? null,
      definitionId: text(pick("definitionId", existing?.definitionId ?? null)),
    };
    if (Array.isArray(values) && values.length === 0) {
      this.errors.add([...path, key, "values"], "Values can't be blank");
      return null;
    }
    return { kind, condition };
  }

  /**
   * Sub-collection references (sub-collection sources and collection exclusions) must exist, may
   * not be the collection itself, and may not chain: neither the referenced collection nor this
   * one may already take part in another reference (chains deeper than one level are refused).
   */
  private checkReferences(ids: readonly Gid[], path: Path): void {
    ids.forEach((id, i) => {
      const at = [...path, i];
      const referenced = this.env.shop.collections.get(id);
      if (!referenced) {
        this.errors.add(at, `Collection ${id} does not exist (INVALID_COLLECTION_REFERENCE)`);
      } else if (id === this.draft.id) {
        this.errors.add(at, "A collection can't reference itself (SELF_REFERENCE)");
      } else if (referencesOtherCollections(referenced)) {
        this.errors.add(
          at,
          `Collection ${id} takes products from other collections; chains of sub-collections are not supported (CHAIN_REFERENCE)`,
        );
      } else if (isReferencedByOthers(this.env.shop, this.draft.id)) {
        this.errors.add(
          at,
          "This collection is referenced by another collection; chains of sub-collections are not supported (CHAIN_REFERENCE)",
        );
      }
    });
  }

  private checkConditionCount(source: ConditionsSource, path: Path): void {
    const count = source.inclusion.conditions.length + (source.exclusion?.conditions.length ?? 0);
    if (count > MAX_CONDITIONS_PER_SOURCE) {
      this.errors.add(path, `A source can have at most ${MAX_CONDITIONS_PER_SOURCE} conditions`);
    }
  }
}

function removeInclusionSelection(
  source: ConditionsSource,
  selection: InclusionSelectionInput,
): void {
  const index = source.inclusion.selections.findIndex((s) => s.productId === selection.productId);
  if (index === -1) return;
  const existing = source.inclusion.selections[index];
  // For VARIANTS sources, listed variant ids are removed; omitting them removes the product.
  if (selection.variantIds && existing.variantIds) {
    const removed = new Set(selection.variantIds);
    existing.variantIds = existing.variantIds.filter((id) => !removed.has(id));
    if (existing.variantIds.length > 0) return;
  }
  source.inclusion.selections.splice(index, 1);
}

export function createCollection(
  env: EditEnv,
  input: CollectionCreateInput,
): { collection: Collection | null; userErrors: UserErrorShape[] } {
  const draft: Collection = {
    id: "",
    title: "",
    handle: "",
    descriptionHtml: "",
    seo: { title: null, description: null },
    sortOrder: "BEST_SELLING",
    templateSuffix: null,
    createdAt: env.now,
    updatedAt: env.now,
    sources: [],
    manualOrder: [],
    publicationIds: [],
  };
  const editor = new CollectionEditor(env, draft);
  editor.setTitle(input.title, ["collection", "title"]);
  if (input.handle != null) editor.setHandle(input.handle, ["collection", "handle"]);
  else editor.generateHandle();
  editor.applyCommonFields(input);
  (input.sources ?? []).forEach((source, i) =>
    editor.createSource(source, ["collection", "sources", i]),
  );
  if (editor.errors.list.length > 0) return { collection: null, userErrors: editor.errors.list };
  draft.id = env.nextGid("Collection");
  return { collection: draft, userErrors: [] };
}

export interface UpdateOutcome {
  userErrors: UserErrorShape[];
  /** Anything at all changed (fields or sources). */
  changed: boolean;
  /** Sources changed, so membership may have. */
  sourcesChanged: boolean;
}

/** Applies `input` to `collection` in place, or leaves it untouched and returns the errors. */
export function updateCollection(
  env: EditEnv,
  collection: Collection,
  input: CollectionUpdateInput,
): UpdateOutcome {
  const draft = structuredClone(collection);
  const editor = new CollectionEditor(env, draft);
  if (input.title != null) editor.setTitle(input.title, ["collection", "title"]);
  if (input.handle != null && input.handle !== collection.handle) {
    editor.setHandle(input.handle, ["collection", "handle"]);
  }
  editor.applyCommonFields(input);
  (input.sourcesToDelete ?? []).forEach((id, i) =>
    editor.deleteSource(id, ["collection", "sourcesToDelete", i]),
  );
  (input.sourcesToUpdate ?? []).forEach((target, i) => {
    const path = ["collection", "sourcesToUpdate", i];
    if (target.condition) editor.updateConditionsSource(target.condition, [...path, "condition"]);
    if (target.subCollections) {
      editor.updateSubCollectionsSource(target.subCollections, [...path, "subCollections"]);
    }
  });
  (input.sourcesToCreate ?? []).forEach((source, i) =>
    editor.createSource(source, ["collection", "sourcesToCreate", i]),
  );
  if (editor.errors.list.length > 0) {
    return { userErrors: editor.errors.list, changed: false, sourcesChanged: false };
  }
  const sourcesChanged = JSON.stringify(draft.sources) !== JSON.stringify(collection.sources);
  const changed = JSON.stringify(draft) !== JSON.stringify(collection);
  if (changed) {
    draft.updatedAt = env.now;
    // Keep the stored object's identity (others hold references to it).
    Object.assign(collection, draft);
  }
  return { userErrors: [], changed, sourcesChanged };
}

export type { CollectionSource, SubCollectionsSource };
