import { describe, expect, it } from "vitest";
import { browseParamsSchema, collectionKind, collectionsListVariables } from "./browse";

describe("browse", () => {
  it("GIVEN search, kind and publication filters THEN the query combines them", () => {
    const params = browseParamsSchema.parse({
      q: 'vinter "rea"',
      kind: "conditions",
      published: "unpublished",
      sort: "updated",
      direction: "desc",
    });
    expect(collectionsListVariables(params)).toEqual({
      first: 50,
      after: null,
      query: '"vinter \\"rea\\"" collection_type:smart published_status:unpublished',
      sortKey: "UPDATED_AT",
      reverse: true,
    });
  });

  it("GIVEN a before cursor THEN the previous page is asked for", () => {
    const vars = collectionsListVariables(browseParamsSchema.parse({ before: "abc" }));
    expect(vars).toMatchObject({ last: 50, before: "abc", query: null });
  });

  it("GIVEN sources THEN the kind reflects conditions, manual picks and sub-collections", () => {
    const manual = { __typename: "CollectionConditionsSource", inclusion: { conditions: [] } };
    const rules = { __typename: "CollectionConditionsSource", inclusion: { conditions: [{}] } };
    const subs = { __typename: "CollectionSubCollectionsSource" };
    expect(collectionKind([manual])).toBe("manual");
    expect(collectionKind([rules])).toBe("conditions");
    expect(collectionKind([subs])).toBe("subcollections");
    expect(collectionKind([manual, subs])).toBe("mixed");
    expect(collectionKind([])).toBe("empty");
  });
});
