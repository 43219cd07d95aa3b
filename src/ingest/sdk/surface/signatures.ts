import type * as TS from 'typescript';
import type { ApiField, ApiParam, ApiSignature } from '../../../corpus/sdk-surface.js';
import { symbolDeprecated, symbolText } from './jsdoc.js';
import type { TypeScript } from './program.js';

/** Longest type text kept: an inline object type is summarised; its fields carry the detail. */
const MAX_TYPE_CHARS = 160;
/** Fields expanded per object and how deep: enough for `intentOptions.sso.bookmarkSlug`, bounded for giant unions. */
const MAX_FIELDS = 60;
const MAX_DEPTH = 2;

export interface SignatureContext {
  ts: TypeScript;
  checker: TS.TypeChecker;
  program: TS.Program;
}

export function typeText(ctx: SignatureContext, node: TS.TypeNode | undefined, fallback?: TS.Type): string {
  const raw = node ? node.getText() : fallback ? ctx.checker.typeToString(fallback) : '';
  const text = raw.replace(/\s+/g, ' ').trim();
  return text.length > MAX_TYPE_CHARS ? `${text.slice(0, MAX_TYPE_CHARS - 1)}…` : text;
}

/** One signature from its declaration node (the text as the SDK authors wrote it), or from the checker. */
export function signatureOf(
  ctx: SignatureContext,
  sig: TS.Signature,
  paramDocs: Map<string, string>,
): ApiSignature {
  const { ts, checker } = ctx;
  const decl = sig.getDeclaration() as TS.SignatureDeclaration | undefined;
  const params: ApiParam[] = [];
  if (decl && 'parameters' in decl && !ts.isJSDocSignature(decl)) {
    decl.parameters.forEach((p, i) => {
      const name = ts.isIdentifier(p.name)
        ? p.name.text
        : ts.isArrayBindingPattern(p.name)
          ? `args${i || ''}`
          : 'options';
      const type = checker.getTypeAtLocation(p);
      const fields = expandFields(ctx, type, 0, new Set());
      params.push({
        name,
        type: typeText(ctx, p.type, type),
        optional: Boolean(p.questionToken || p.initializer),
        ...(p.dotDotDotToken ? { rest: true } : {}),
        description:
          paramDocs.get(name) ??
          (ts.isIdentifier(p.name) ? '' : (paramDocs.get('payload') ?? paramDocs.get('options') ?? '')),
        ...(fields.length ? { fields } : {}),
      });
    });
  } else {
    for (const p of sig.getParameters()) {
      const type = checker.getTypeOfSymbol(p);
      const fields = expandFields(ctx, type, 0, new Set());
      params.push({
        name: p.name,
        type: typeText(ctx, undefined, type),
        optional: Boolean(p.flags & ts.SymbolFlags.Optional),
        description: paramDocs.get(p.name) ?? '',
        ...(fields.length ? { fields } : {}),
      });
    }
  }
  const returns = decl?.type ? typeText(ctx, decl.type) : typeText(ctx, undefined, sig.getReturnType());
  const typeParams = decl?.typeParameters?.length
    ? `<${decl.typeParameters.map((t) => t.getText().replace(/\s+/g, ' ')).join(', ')}>`
    : '';
  return { params, returns, typeParams };
}

/**
 * The fields of an object type: every member of a union (a key valid in one variant is valid), an
 * intersection's combined members, mapped utility types (Omit, Pick) resolved by the checker.
 * Standard library objects (Date, Promise, Map) and functions are not expanded.
 */
export function expandFields(
  ctx: SignatureContext,
  type: TS.Type,
  depth: number,
  seen: Set<TS.Type>,
): ApiField[] {
  const { ts, checker } = ctx;
  if (depth > MAX_DEPTH || seen.has(type)) return [];
  const members = type.isUnion() ? type.types : [type];
  const objects = members.filter((t) => isExpandable(ctx, t));
  if (objects.length === 0) return [];
  const next = new Set(seen).add(type);
  const byName = new Map<string, { field: ApiField; count: number }>();
  for (const obj of objects) {
    for (const prop of checker.getPropertiesOfType(obj)) {
      if (byName.size >= MAX_FIELDS && !byName.has(prop.name)) break;
      const existing = byName.get(prop.name);
      if (existing) {
        existing.count++;
        continue;
      }
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      const propType = checker.getTypeOfSymbol(prop);
      const node =
        decl && (ts.isPropertySignature(decl) || ts.isPropertyDeclaration(decl)) ? decl.type : undefined;
      const deprecated = symbolDeprecated(checker, ts, prop);
      const nested =
        depth < MAX_DEPTH ? expandFields(ctx, nonNullable(checker, propType), depth + 1, next) : [];
      byName.set(prop.name, {
        count: 1,
        field: {
          name: prop.name,
          type: typeText(ctx, node, propType),
          optional: Boolean(prop.flags & ts.SymbolFlags.Optional),
          description: symbolText(ts, checker, prop),
          ...(deprecated !== undefined ? { deprecated } : {}),
          ...(nested.length ? { fields: nested } : {}),
        },
      });
    }
  }
  // A key missing from some union variants is optional from the caller's point of view.
  return [...byName.values()].map(({ field, count }) =>
    count < objects.length ? { ...field, optional: true } : field,
  );
}

function nonNullable(checker: TS.TypeChecker, type: TS.Type): TS.Type {
  return checker.getNonNullableType(type);
}

function isExpandable(ctx: SignatureContext, type: TS.Type): boolean {
  const { ts, checker, program } = ctx;
  if (!(type.flags & ts.TypeFlags.Object) && !type.isIntersection()) return false;
  if (checker.getSignaturesOfType(type, ts.SignatureKind.Call).length > 0) return false;
  const isArray = (checker as { isArrayType?: (t: TS.Type) => boolean }).isArrayType;
  const isTuple = (checker as { isTupleType?: (t: TS.Type) => boolean }).isTupleType;
  if (isArray?.(type) || isTuple?.(type)) return false;
  const symbol = type.aliasSymbol ?? type.getSymbol();
  const decls = symbol?.declarations ?? [];
  if (decls.some((d) => program.isSourceFileDefaultLibrary(d.getSourceFile()))) {
    // Omit<…>/Pick<…>/Partial<…> are lib aliases whose fields are the package's own.
    if (!type.aliasSymbol) return false;
  }
  return checker.getPropertiesOfType(type).length > 0;
}
