import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isRecord } from './scan-context.js';

/**
 * XML manifests (MSBuild, Maven) as plain objects. Entities are not expanded (no DOCTYPE tricks,
 * no billion laughs), values stay strings, namespaces are dropped so `<project xmlns=…>` reads
 * as `project`. Throws with the validator's message when the XML is not well formed.
 */
export function parseXml(text: string): Record<string, unknown> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    processEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    removeNSPrefix: true,
  });
  return parser.parse(text) as Record<string, unknown>;
}

/** Every element named `tag` at any depth (bounded), each as an object. */
export function elementsNamed(node: unknown, tag: string, depth = 0): Record<string, unknown>[] {
  if (depth > 32) return [];
  if (Array.isArray(node)) return node.flatMap((n) => elementsNamed(n, tag, depth + 1));
  if (!isRecord(node)) return [];
  const out: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@_')) continue;
    if (key === tag) for (const v of Array.isArray(value) ? value : [value]) if (isRecord(v)) out.push(v);
    out.push(...elementsNamed(value, tag, depth + 1));
  }
  return out;
}

/** A child element's or attribute's text: `<Version>2.3.0</Version>` or `Version="2.3.0"`. */
export function field(node: Record<string, unknown>, name: string): string | undefined {
  const v = node[`@_${name}`] ?? node[name];
  if (typeof v === 'string') return v.trim() || undefined;
  if (isRecord(v) && typeof v['#text'] === 'string') return v['#text'].trim() || undefined;
  return undefined;
}
