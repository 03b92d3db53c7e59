import {
  execute,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLTypeResolver,
} from "graphql";
import type { EmulatorContext, Resolvers } from "./context";
import { adminSchema } from "./schema";

/** Thrown (and reported as a GraphQL error) for any field the emulator does not implement. */
export class NotEmulatedError extends GraphQLError {
  constructor(typeName: string, fieldName: string) {
    super(`not emulated: ${typeName}.${fieldName}`, { extensions: { code: "NOT_EMULATED" } });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Registered resolver first, then the source's own property, else fail loudly. */
export function fieldResolverFor(
  resolvers: Resolvers,
): GraphQLFieldResolver<unknown, EmulatorContext> {
  return (source, args, ctx, info) => {
    const resolver = resolvers[info.parentType.name]?.[info.fieldName];
    if (resolver) return resolver(source, args, ctx, info);
    if (isRecord(source) && Object.prototype.hasOwnProperty.call(source, info.fieldName)) {
      return source[info.fieldName];
    }
    throw new NotEmulatedError(info.parentType.name, info.fieldName);
  };
}

/** Interfaces and unions resolve by the `__typename` every emulated object carries. */
export const typeResolver: GraphQLTypeResolver<unknown, EmulatorContext> = (value, _ctx, info) => {
  if (isRecord(value) && typeof value.__typename === "string") return value.__typename;
  throw new GraphQLError(`emulator bug: object for ${String(info.returnType)} has no __typename`);
};

export function parseAndValidate(query: string): {
  document?: DocumentNode;
  errors?: readonly GraphQLError[];
} {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { errors: [error as GraphQLError] };
  }
  const errors = validate(adminSchema(), document);
  return errors.length ? { errors } : { document };
}

/** Executes an already parsed and validated document against the emulated schema. */
export function executeDocument(params: {
  document: DocumentNode;
  variables?: Record<string, unknown>;
  operationName?: string | null;
  ctx: EmulatorContext;
  resolvers: Resolvers;
}): Promise<ExecutionResult> | ExecutionResult {
  return execute({
    schema: adminSchema(),
    document: params.document,
    variableValues: params.variables,
    operationName: params.operationName,
    contextValue: params.ctx,
    rootValue: {},
    fieldResolver: fieldResolverFor(params.resolvers),
    typeResolver,
  });
}

/**
 * Parses, validates and executes one Admin API request for one shop. (The HTTP layer adds auth,
 * cost and throttling around this: see admin-request.ts.)
 */
export async function executeAdmin(params: {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  ctx: EmulatorContext;
  resolvers: Resolvers;
}): Promise<ExecutionResult> {
  const { document, errors } = parseAndValidate(params.query);
  if (!document) return { errors };
  return executeDocument({ ...params, document });
}
