import { adminIntrospection } from "../../schema/admin-schema";

export { adminSchema } from "../../schema/admin-schema";

export interface AccessItem {
  offlineScopes: string[];
  requiredAccess: string;
}

export interface AccessMetadata {
  /** `Type.field` -> the file's offline_scopes entry for that field. */
  fields: Map<string, AccessItem>;
  /** `Type.field` -> the field's own `requiredAccess` text from the introspection. */
  fieldText: Map<string, string>;
  /** Type name -> the offline_scopes entry for the type. */
  types: Map<string, AccessItem>;
}

let metadata: AccessMetadata | undefined;

/** The platform's access metadata carried by the vendored schema file. */
export function accessMetadata(): AccessMetadata {
  if (metadata) return metadata;
  const file = adminIntrospection();
  const fields = new Map<string, AccessItem>();
  const types = new Map<string, AccessItem>();
  for (const item of file.offline_scopes?.items ?? []) {
    const entry = { offlineScopes: item.offlineScopes, requiredAccess: item.requiredAccess };
    if (item.type === "field" && item.fieldName)
      fields.set(`${item.typeName}.${item.fieldName}`, entry);
    else if (item.type === "type") types.set(item.typeName, entry);
  }
  const fieldText = new Map<string, string>();
  for (const type of file.data.__schema.types) {
    if (!("fields" in type) || !type.fields) continue;
    for (const field of type.fields) {
      const text = (field as { requiredAccess?: string | null }).requiredAccess;
      if (text) fieldText.set(`${type.name}.${field.name}`, text);
    }
  }
  metadata = { fields, fieldText, types };
  return metadata;
}
