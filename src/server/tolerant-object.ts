import { ZodObject, type ParseInput, type ParseReturnType, type ZodRawShape } from 'zod';

/**
 * How to repair arguments before validation: names models invent for a field, and numeric
 * fields to coerce ("5" -> 5) and clamp into range (0, -1, 1e9 -> a usable value).
 */
export interface Tolerance {
  aliases?: Record<string, string>;
  numbers?: Record<string, { min: number; max: number }>;
}

export function repairArguments(data: unknown, tolerance: Tolerance): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const args: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const [alias, field] of Object.entries(tolerance.aliases ?? {})) {
    if (alias in args) {
      if (args[field] === undefined) args[field] = args[alias];
      delete args[alias];
    }
  }
  for (const [field, { min, max }] of Object.entries(tolerance.numbers ?? {})) {
    let value = args[field];
    if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?(e\d+)?\s*$/i.test(value)) value = Number(value);
    if (value === null) value = undefined;
    if (typeof value === 'number' && Number.isFinite(value))
      value = Math.min(max, Math.max(min, Math.trunc(value)));
    args[field] = value;
    if (value === undefined) delete args[field];
  }
  return args;
}

/**
 * A z.object that repairs its input first. It stays a real ZodObject, so the SDK still
 * advertises the full JSON Schema in tools/list (a z.preprocess wrapper would be listed as an
 * empty object) while `{question: "..."}` or `{maxResults: "5"}` still validate.
 */
class TolerantObject<T extends ZodRawShape> extends ZodObject<T, 'passthrough'> {
  tolerance: Tolerance = {};

  override _parse(input: ParseInput): ParseReturnType<this['_output']> {
    return super._parse({ ...input, data: repairArguments(input.data, this.tolerance) });
  }
}

export function tolerantObject<T extends ZodRawShape>(
  shape: T,
  tolerance: Tolerance,
): ZodObject<T, 'passthrough'> {
  const schema = new TolerantObject<T>(ZodObject.create(shape).passthrough()._def);
  schema.tolerance = tolerance;
  return schema;
}
