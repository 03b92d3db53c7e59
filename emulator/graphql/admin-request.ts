import { GraphQLError, parse, validate, type DocumentNode, type ExecutionResult } from "graphql";
import { takeSearchExtensions } from "../catalog/search-extensions";
import type { MutationLogEntry } from "../store/types";
import { accessDeniedErrors } from "./access";
import type { EmulatorContext, Resolvers } from "./context";
import { actualQueryCost, MAX_QUERY_COST, requestedQueryCost } from "./cost";
import { executeDocument } from "./execute";
import { inputLimitErrors } from "./limits";
import {
  coerceVariables,
  collectFields,
  fragmentsOf,
  rootTypeOf,
  selectOperation,
} from "./operation";
import { adminSchema } from "./schema";
import { refund, throttleStatus, tryConsume, type ThrottleStatus } from "./throttle";

/**
 * One Admin GraphQL request for an authenticated shop, in the platform's order: parse, validate,
 * coerce variables, input limits, max cost, access scopes, the leaky bucket, execution, refund of
 * the unused cost, mutation log. Every answer carries `extensions.cost`.
 */

export interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

export interface AdminGraphqlResponse {
  status: number;
  body: Record<string, unknown>;
}

export const RATE_LIMIT_DOCS = "https://shopify.dev/api/usage/rate-limits";

const MAX_COST_MESSAGE = (cost: number) =>
  `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).

See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the
cost of a query is calculated.

To query larger amounts of data with fewer limits, bulk operations should be used instead.
See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.
`;

interface RequestBody {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `{query, variables?, operationName?}`; variables may arrive as a JSON string. */
export function readRequestBody(body: unknown): RequestBody | null {
  if (!isRecord(body) || typeof body.query !== "string") return null;
  let variables: unknown = body.variables ?? {};
  if (typeof variables === "string") {
    try {
      variables = JSON.parse(variables) as unknown;
    } catch {
      return null;
    }
  }
  if (variables === null) variables = {};
  if (!isRecord(variables)) return null;
  const operationName = typeof body.operationName === "string" ? body.operationName : null;
  return { query: body.query, variables, operationName };
}

function errorsJson(errors: readonly GraphQLError[]): unknown[] {
  return errors.map((e) => e.toJSON());
}

/** The THROTTLED answer (extensions at the top level, as in real responses). */
export function throttledBody(requested: number, status: ThrottleStatus): Record<string, unknown> {
  return {
    errors: [
      {
        message: "Throttled",
        extensions: { code: "THROTTLED", documentation: RATE_LIMIT_DOCS },
      },
    ],
    extensions: {
      cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: status },
    },
  };
}

export async function runAdminGraphql(input: {
  body: unknown;
  ctx: EmulatorContext;
  resolvers: Resolvers;
  /** Fault injection: answer THROTTLED whatever the bucket holds. */
  forceThrottle?: boolean;
  /** Real-time milliseconds for the bucket (defaults to Date.now()). */
  nowMs?: number;
}): Promise<AdminGraphqlResponse> {
  const { ctx } = input;
  const shop = ctx.shop;
  const nowMs = input.nowMs ?? Date.now();
  const schema = adminSchema();
  const cost = (requested: number, actual: number | null): { cost: CostExtension } => ({
    cost: {
      requestedQueryCost: requested,
      actualQueryCost: actual,
      throttleStatus: throttleStatus(shop.bucket),
    },
  });

  const request = readRequestBody(input.body);
  if (!request) {
    return { status: 400, body: { errors: { query: "Required parameter missing or invalid" } } };
  }

  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    const e = error instanceof GraphQLError ? error : new GraphQLError(String(error));
    return { status: 200, body: { errors: errorsJson([e]), extensions: cost(0, 0) } };
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length) {
    return { status: 200, body: { errors: errorsJson(validationErrors), extensions: cost(0, 0) } };
  }
  const operation = selectOperation(document, request.operationName);
  if (!operation) {
    const message = request.operationName
      ? `Unknown operation named "${request.operationName}".`
      : "Must provide operation name if query contains multiple operations.";
    return { status: 200, body: { errors: [{ message }], extensions: cost(0, 0) } };
  }
  const coerced = coerceVariables(schema, operation, request.variables);
  if (coerced.errors) {
    return { status: 200, body: { errors: errorsJson(coerced.errors), extensions: cost(0, 0) } };
  }
  const variables = coerced.coerced;
  const shape = { schema, document, operationName: request.operationName, variables };

  const limitErrors = inputLimitErrors(shape);
  if (limitErrors.length) {
    return { status: 200, body: { errors: errorsJson(limitErrors), extensions: cost(0, null) } };
  }

  const requested = requestedQueryCost(shape);
  if (requested > MAX_QUERY_COST) {
    const error = {
      message: MAX_COST_MESSAGE(requested),
      extensions: {
        code: "MAX_COST_EXCEEDED",
        cost: requested,
        maxCost: MAX_QUERY_COST,
        documentation: RATE_LIMIT_DOCS,
      },
    };
    return { status: 200, body: { errors: [error], extensions: cost(requested, null) } };
  }

  const denied = accessDeniedErrors({ ...shape, scopes: shop.app.scopes });
  if (denied.length) {
    return { status: 200, body: { errors: errorsJson(denied), extensions: cost(requested, null) } };
  }

  if (input.forceThrottle || !tryConsume(shop.bucket, requested, nowMs)) {
    return { status: 200, body: throttledBody(requested, throttleStatus(shop.bucket)) };
  }

  const result: ExecutionResult = await executeDocument({
    document,
    variables,
    operationName: request.operationName,
    ctx,
    resolvers: input.resolvers,
  });
  const actual = actualQueryCost({ ...shape, data: result.data ?? null });
  refund(shop.bucket, requested - actual);

  if (operation.operation === "mutation") {
    const root = rootTypeOf(schema, operation);
    const fields = root
      ? [
          ...collectFields(
            schema,
            root,
            [operation.selectionSet],
            fragmentsOf(document),
            variables,
          ).values(),
        ].map((nodes) => nodes[0].name.value)
      : [];
    logMutation(ctx, {
      operationName: operation.name?.value ?? null,
      fields,
      variables: request.variables,
    });
  }

  const body: Record<string, unknown> = {};
  if (result.errors?.length) body.errors = errorsJson(result.errors);
  body.data = result.data ?? null;
  const search = takeSearchExtensions(ctx);
  body.extensions = search.length
    ? { ...cost(requested, actual), search }
    : cost(requested, actual);
  return { status: 200, body };
}

export function logMutation(ctx: EmulatorContext, entry: Omit<MutationLogEntry, "at">): void {
  ctx.shop.mutationLog.push({ at: ctx.clock.nowIso(), ...entry });
}
