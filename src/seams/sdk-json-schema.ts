import type { AnySchema } from '@modelcontextprotocol/sdk/server/zod-compat.js';
import { normalizeObjectSchema } from '@modelcontextprotocol/sdk/server/zod-compat.js';
import { toJsonSchemaCompat } from '@modelcontextprotocol/sdk/server/zod-json-schema-compat.js';

type JsonSchema = Record<string, unknown>;

/**
 * Drops what JSON Schema already defaults to (`additionalProperties: true`) and the per-schema
 * `$schema` line. Tool definitions sit in the client's context on every turn, so bytes here are
 * paid again and again; this keeps tools/list under 5 KB without losing any constraint.
 */
export function compactSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(compactSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema') continue;
    if (key === 'additionalProperties' && value === true) continue;
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as JsonSchema).map(([k, v]) => [k, compactSchema(v)]))
        : compactSchema(value);
  }
  return out;
}

/**
 * SEAM (SDK modules `server/zod-compat` and `server/zod-json-schema-compat`, exported but not part of
 * the documented API): the SDK's own zod -> JSON Schema conversion, so what we list is exactly what
 * its validation accepts, for zod 3 and 4 alike. Breaks on upgrade when: the SDK moves or renames
 * these modules or their options (`strictUnions`, `pipeStrategy`). Test: test/seams/seams.test.ts
 * "sdk-json-schema".
 */
export function toJsonSchema(schema: unknown, strategy: 'input' | 'output'): JsonSchema {
  const obj = normalizeObjectSchema(schema as AnySchema);
  if (!obj) return { type: 'object', properties: {} };
  return compactSchema(toJsonSchemaCompat(obj, { strictUnions: true, pipeStrategy: strategy })) as JsonSchema;
}

export const inputJsonSchema = (schema: unknown) => toJsonSchema(schema, 'input');
