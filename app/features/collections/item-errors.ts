/**
 * Reads Shopify's userErrors for a batch of selections: which products of the batch failed (by
 * their index in selectionsToAdd/Remove) and which errors concern the whole call. Pure.
 */
export interface BatchUserError {
  field?: readonly string[] | null;
  message: string;
}

export function splitBatchErrors(
  productIds: readonly string[],
  errors: readonly BatchUserError[],
): { failed: { id: string; reason: string }[]; general: string[] } {
  const failed = new Map<string, string>();
  const general: string[] = [];
  for (const error of errors) {
    const field = error.field ?? [];
    const at = field.findIndex((f) => f === "selectionsToAdd" || f === "selectionsToRemove");
    const index = at >= 0 ? Number(field[at + 1]) : Number.NaN;
    const productId = Number.isInteger(index) ? productIds[index] : undefined;
    if (productId) failed.set(productId, error.message);
    else general.push(error.message);
  }
  return { failed: [...failed].map(([id, reason]) => ({ id, reason })), general };
}
