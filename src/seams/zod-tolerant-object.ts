import {
  ZodDefault,
  ZodEnum,
  ZodNumber,
  ZodObject,
  ZodOptional,
  ZodString,
  type ParseInput,
  type ParseReturnType,
  type ZodRawShape,
  type ZodTypeAny,
} from 'zod';

/**
 * How to repair arguments before validation: names models invent for a field, numeric fields to
 * coerce ("5" -> 5) and clamp into range (0, -1, 1e9 -> a usable value), and enum fields to
 * case-fold (" Guide " -> "guide").
 */
export interface Tolerance {
  aliases: Record<string, string>;
  numbers: Record<string, { min: number; max: number }>;
  enums: string[];
}

const NUMERIC_TEXT = /^\s*-?\d+(\.\d+)?(e\d+)?\s*$/i;

export function repairArguments(data: unknown, tolerance: Tolerance): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const args: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const [alias, field] of Object.entries(tolerance.aliases)) {
    if (Object.hasOwn(args, alias)) {
      if (args[field] === undefined) args[field] = args[alias];
      delete args[alias];
    }
  }
  for (const [field, { min, max }] of Object.entries(tolerance.numbers)) {
    let value = args[field];
    if (typeof value === 'string' && NUMERIC_TEXT.test(value)) value = Number(value);
    // null, NaN and ±Infinity mean "no usable value": the default applies.
    if (value === null || (typeof value === 'number' && !Number.isFinite(value))) value = undefined;
    if (typeof value === 'number') value = Math.min(max, Math.max(min, Math.trunc(value)));
    args[field] = value;
    if (value === undefined) delete args[field];
  }
  for (const field of tolerance.enums) {
    if (typeof args[field] === 'string') args[field] = (args[field] as string).trim().toLowerCase();
  }
  return args;
}

/** The schema under `.optional()` / `.default()` wrappers. */
function unwrap(schema: ZodTypeAny): ZodTypeAny {
  if (schema instanceof ZodOptional) return unwrap(schema.unwrap());
  if (schema instanceof ZodDefault) return unwrap(schema.removeDefault());
  return schema;
}

/**
 * The repairs follow from the schema itself, so a range is written once (in `.min()/.max()`):
 * every bounded number is clamped into its range, every enum case-folded.
 */
export function toleranceOf(shape: ZodRawShape, aliases: Record<string, string>): Tolerance {
  const numbers: Tolerance['numbers'] = {};
  const enums: string[] = [];
  for (const [field, schema] of Object.entries(shape)) {
    const inner = unwrap(schema);
    if (inner instanceof ZodNumber)
      numbers[field] = {
        min: inner.minValue ?? Number.MIN_SAFE_INTEGER,
        max: inner.maxValue ?? Number.MAX_SAFE_INTEGER,
      };
    else if (inner instanceof ZodEnum) enums.push(field);
  }
  for (const [alias, field] of Object.entries(aliases))
    if (!(field in shape)) throw new Error(`alias "${alias}" names no field ("${field}")`);
  return { aliases, numbers, enums };
}

/**
 * SEAM (zod 3 internals): a z.object that repairs its input first, by overriding the protected
 * `_parse`. It stays a real ZodObject, so the SDK still advertises the full JSON Schema in
 * tools/list (a z.preprocess wrapper would be listed as an empty object) while `{question: "..."}`
 * or `{maxResults: "5"}` still validate. Breaks on upgrade when: zod renames `_parse` or its
 * input shape (zod 4 does: `_zod.parse`), or the SDK stops calling the schema's own parse.
 * Test: test/seams/seams.test.ts "zod-tolerant-object".
 */
class TolerantObject<T extends ZodRawShape> extends ZodObject<T, 'passthrough'> {
  tolerance: Tolerance = { aliases: {}, numbers: {}, enums: [] };

  override _parse(input: ParseInput): ParseReturnType<this['_output']> {
    return super._parse({ ...input, data: repairArguments(input.data, this.tolerance) });
  }
}

export function tolerantObject<T extends ZodRawShape>(
  shape: T,
  aliases: Record<string, string> = {},
): ZodObject<T, 'passthrough'> {
  const schema = new TolerantObject<T>(ZodObject.create(shape).passthrough()._def);
  schema.tolerance = toleranceOf(shape, aliases);
  return schema;
}

/** The tolerance a schema built by tolerantObject repairs with (for tests and docs). */
export function toleranceOfSchema(schema: unknown): Tolerance | undefined {
  return schema instanceof TolerantObject ? schema.tolerance : undefined;
}

/** What a face needs to know about one input field to offer it (a CLI flag, a help line). */
export type FieldFacts =
  | { type: 'number'; min?: number; max?: number; default?: number; description?: string }
  | { type: 'enum'; values: string[]; description?: string }
  | { type: 'string'; default?: string; description?: string }
  | { type: 'other'; description?: string };

/**
 * SEAM (zod 3 `_def.defaultValue`): read once here, so a zod upgrade changes one function. Breaks on
 * upgrade when: zod 4 moves it (`_zod.def.defaultValue`, a value, not a function).
 * Test: test/seams/seams.test.ts "zod-tolerant-object" (fieldFacts).
 */
function defaultOf(schema: ZodTypeAny): unknown {
  if (schema instanceof ZodOptional) return defaultOf(schema.unwrap());
  if (schema instanceof ZodDefault) return (schema._def.defaultValue as () => unknown)();
  return undefined;
}

export function fieldFacts(schema: ZodTypeAny): FieldFacts {
  const inner = unwrap(schema);
  const description = schema.description ?? inner.description;
  const dflt = defaultOf(schema);
  if (inner instanceof ZodNumber)
    return {
      type: 'number',
      min: inner.minValue ?? undefined,
      max: inner.maxValue ?? undefined,
      default: typeof dflt === 'number' ? dflt : undefined,
      description,
    };
  if (inner instanceof ZodEnum) return { type: 'enum', values: [...inner.options] as string[], description };
  if (inner instanceof ZodString)
    return { type: 'string', default: typeof dflt === 'string' ? dflt : undefined, description };
  return { type: 'other', description };
}
