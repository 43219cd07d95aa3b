import type * as TS from 'typescript';
import type { ApiField, ApiSymbol, DocsSdkLink, SdkSurface } from '../../corpus/sdk-surface.js';
import type { TypeScript } from '../../seams/typescript.js';
import { closest } from './similar.js';
import type { CheckedCall, CheckStatus } from './types.js';

export interface JsCheckContext {
  /** Surfaces to check against (the corpus's pinned versions, or a project's exact versions). */
  surfaces: SdkSurface[];
  /** Docs names linked to real ones: the best suggestion for a docs-only name. */
  links?: DocsSdkLink[];
  /** Read path for a symbol (`sdk-api/node/adminportal/generatelink`). */
  readPath?: (surface: SdkSurface, symbol: ApiSymbol | undefined, namespace?: string) => string | undefined;
}

export interface JsAnalysis {
  calls: CheckedCall[];
  /** Surfaces the code used, in order of first use. */
  used: SdkSurface[];
  syntaxErrors: { line: number; message: string }[];
}

const SDK_IMPORT = /^@workos(?:-inc)?\/[a-z0-9-]+/;
const MAX_CODE_TEXT = 120;

type Binding =
  | { kind: 'export'; surface: SdkSurface; name: string }
  | { kind: 'module'; surface: SdkSurface }
  | { kind: 'client'; surface: SdkSurface }
  | { kind: 'namespace'; surface: SdkSurface; namespace: string };

/**
 * Reads a JavaScript/TypeScript snippet with the TypeScript parser (never runs it) and checks each
 * WorkOS SDK use against the given surfaces: imports, calls on a client instance (`workos.sso.x()`,
 * `new WorkOS(key).userManagement.y()`), option-object keys, JSX props of SDK components.
 */
export function analyzeJs(ts: TypeScript, code: string, ctx: JsCheckContext): JsAnalysis {
  const sf = parse(ts, code);
  const out: JsAnalysis = { calls: [], used: [], syntaxErrors: syntaxErrors(ts, sf) };
  const bindings = new Map<string, Binding>();
  const use = (s: SdkSurface): void => {
    if (!out.used.includes(s)) out.used.push(s);
  };
  const lineOf = (node: TS.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const textOf = (node: TS.Node): string => {
    const t = node.getText(sf).replace(/\s+/g, ' ');
    return t.length > MAX_CODE_TEXT ? `${t.slice(0, MAX_CODE_TEXT - 1)}…` : t;
  };
  const report = (
    node: TS.Node,
    status: CheckStatus,
    message: string,
    extra: Partial<CheckedCall> = {},
  ): void => {
    out.calls.push({ code: textOf(node), line: lineOf(node), status, message, ...extra });
  };
  const surfaceFor = (specifier: string): SdkSurface | undefined => {
    const pkg = SDK_IMPORT.exec(specifier)?.[0];
    return pkg ? ctx.surfaces.find((s) => s.package === pkg) : undefined;
  };
  const clientSurfaces = ctx.surfaces.filter((s) => s.client);
  const label = (s: SdkSurface): string => `${s.package} ${s.version}`;

  // ---- imports and require() ------------------------------------------------------------------
  const checkImportName = (node: TS.Node, surface: SdkSurface, specifier: string, name: string): void => {
    const names = exportedNames(surface, specifier);
    // A subpath the surface does not describe is not known to be wrong.
    if (!names) return;
    if (names.includes(name)) {
      report(node, 'ok', `\`${name}\` is exported by ${specifier} (${label(surface)}).`, {
        doc: ctx.readPath?.(
          surface,
          surface.symbols.find((s) => s.qualifiedName === name),
        ),
      });
      return;
    }
    const suggestion = closest(name, names);
    report(node, 'unknown', `\`${name}\` is not exported by ${specifier} in ${label(surface)}.`, {
      ...(suggestion ? { suggestion } : {}),
      doc: ctx.readPath?.(surface, undefined),
    });
  };
  const bindImport = (
    specifier: string,
    node: TS.Node,
    names: { local: string; imported: string; isType: boolean }[],
    whole?: string,
  ): void => {
    const surface = surfaceFor(specifier);
    if (!surface) return;
    use(surface);
    if (whole) bindings.set(whole, { kind: 'module', surface });
    for (const n of names) {
      checkImportName(node, surface, specifier, n.imported);
      if (!n.isType) bindings.set(n.local, { kind: 'export', surface, name: n.imported });
    }
  };
  const visitImports = (node: TS.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const names: { local: string; imported: string; isType: boolean }[] = [];
      let whole: string | undefined;
      if (clause?.name)
        names.push({ local: clause.name.text, imported: 'default', isType: clause.isTypeOnly });
      const nb = clause?.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) whole = nb.name.text;
      if (nb && ts.isNamedImports(nb)) {
        for (const el of nb.elements) {
          names.push({
            local: el.name.text,
            imported: (el.propertyName ?? el.name).text,
            isType: el.isTypeOnly || Boolean(clause?.isTypeOnly),
          });
        }
      }
      // A default import of a package without one is the module itself in CommonJS interop.
      const specifier = node.moduleSpecifier.text;
      const surface = surfaceFor(specifier);
      const filtered = names.filter(
        (n) =>
          n.imported !== 'default' || (surface && exportedNames(surface, specifier)?.includes('default')),
      );
      const defaultAsModule = names.find((n) => n.imported === 'default' && !filtered.includes(n));
      bindImport(specifier, node, filtered, whole ?? defaultAsModule?.local);
    } else if (ts.isVariableDeclaration(node) && node.initializer && isRequire(ts, node.initializer)) {
      const specifier = (node.initializer.arguments[0] as TS.StringLiteral).text;
      if (ts.isIdentifier(node.name)) bindImport(specifier, node, [], node.name.text);
      else if (ts.isObjectBindingPattern(node.name)) {
        bindImport(
          specifier,
          node,
          node.name.elements
            .filter((e) => ts.isIdentifier(e.name))
            .map((e) => ({
              local: (e.name as TS.Identifier).text,
              imported:
                e.propertyName && ts.isIdentifier(e.propertyName)
                  ? e.propertyName.text
                  : (e.name as TS.Identifier).text,
              isType: false,
            })),
        );
      }
    }
    ts.forEachChild(node, visitImports);
  };
  visitImports(sf);

  // ---- client instances and namespace aliases ------------------------------------------------
  /** The surface whose client an expression constructs or returns, if any. */
  const clientOfExpr = (expr: TS.Expression): SdkSurface | undefined => {
    let e = expr;
    while (
      ts.isAwaitExpression(e) ||
      ts.isParenthesizedExpression(e) ||
      ts.isAsExpression(e) ||
      ts.isNonNullExpression(e)
    )
      e = e.expression;
    if (ts.isNewExpression(e)) {
      const callee = e.expression;
      if (ts.isIdentifier(callee)) {
        const b = bindings.get(callee.text);
        if (b?.kind === 'export' && b.surface.client?.className === b.name) return b.surface;
        if (!b) return clientSurfaces.find((s) => s.client?.className === callee.text);
      }
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
        const b = bindings.get(callee.expression.text);
        if (b?.kind === 'module' && b.surface.client?.className === callee.name.text) return b.surface;
      }
      return undefined;
    }
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) {
      const b = bindings.get(e.expression.text);
      if (b?.kind === 'export') {
        const fn = b.surface.symbols.find((s) => s.qualifiedName === b.name);
        const returns = fn?.signatures
          .at(-1)
          ?.returns.replace(/^Promise<(.*)>$/, '$1')
          .trim();
        return clientSurfaces.find((s) => s.client?.className === returns);
      }
    }
    return instanceOf(e);
  };
  /** An expression that is a client instance: a bound name, `this.x`/`obj.x` of a bound name, or `new WorkOS()`. */
  const instanceNames = new Map<string, SdkSurface>();
  const instanceOf = (expr: TS.Expression): SdkSurface | undefined => {
    if (ts.isIdentifier(expr)) {
      const b = bindings.get(expr.text);
      if (b?.kind === 'client') return b.surface;
      if (!b && instanceNames.has(expr.text)) return instanceNames.get(expr.text);
      return undefined;
    }
    if (
      ts.isPropertyAccessExpression(expr) &&
      (expr.expression.kind === ts.SyntaxKind.ThisKeyword || ts.isIdentifier(expr.expression))
    ) {
      return instanceNames.get(expr.name.text);
    }
    if (ts.isParenthesizedExpression(expr) || ts.isNewExpression(expr)) return clientOfExpr(expr);
    return undefined;
  };
  // Snippets often use `workos` without showing its construction: the conventional name counts.
  for (const s of clientSurfaces) instanceNames.set(s.client!.className.toLowerCase(), s);
  const visitBindings = (node: TS.Node): void => {
    const bind = (name: TS.BindingName | TS.PropertyName, init: TS.Expression): void => {
      const client = clientOfExpr(init);
      if (client && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name))) {
        const text = name.text;
        bindings.set(text, { kind: 'client', surface: client });
        instanceNames.set(text, client);
        return;
      }
      // `const sso = workos.sso` and `const { sso } = workos`
      if (ts.isIdentifier(name) && ts.isPropertyAccessExpression(init)) {
        const owner = instanceOf(init.expression);
        if (owner?.client?.namespaces.some((n) => n.name === init.name.text)) {
          bindings.set(name.text, { kind: 'namespace', surface: owner, namespace: init.name.text });
        }
      }
      if (ts.isObjectBindingPattern(name)) {
        const owner = instanceOf(init);
        for (const el of name.elements) {
          if (!owner || !ts.isIdentifier(el.name)) continue;
          const prop =
            el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
          if (owner.client?.namespaces.some((n) => n.name === prop)) {
            bindings.set(el.name.text, { kind: 'namespace', surface: owner, namespace: prop });
          }
        }
      }
    };
    if (ts.isVariableDeclaration(node) && node.initializer) bind(node.name, node.initializer);
    if (ts.isPropertyDeclaration(node) && node.initializer) bind(node.name, node.initializer);
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left)
    ) {
      const client = clientOfExpr(node.right);
      if (client) instanceNames.set(node.left.name.text, client);
    }
    ts.forEachChild(node, visitBindings);
  };
  visitBindings(sf);

  // ---- calls ----------------------------------------------------------------------------------
  const linkSuggestion = (surface: SdkSurface, docsName: string): string | undefined =>
    ctx.links?.find((l) => l.package === surface.package && l.docsName === docsName && l.symbol)?.symbol;

  const checkNamespaced = (
    call: TS.CallExpression,
    surface: SdkSurface,
    ns: string,
    method: string,
  ): void => {
    use(surface);
    const client = surface.client!;
    const variable = client.className.toLowerCase();
    const info = client.namespaces.find((n) => n.name === ns);
    if (!info) {
      if (client.members.includes(ns)) return; // `workos.client.get()`: plumbing, not a service namespace
      const suggestion =
        linkSuggestion(surface, `${ns}.${method}`) ??
        sameNameElsewhere(surface, method) ??
        closestNamespaceWith(surface, ns, method);
      report(
        call,
        'unknown',
        `\`${variable}.${ns}\` does not exist in ${label(surface)}${suggestion ? `; use \`${variable}.${suggestion}()\`` : ''}.`,
        {
          ...(suggestion ? { suggestion } : {}),
          doc: ctx.readPath?.(surface, symbolNamed(surface, suggestion)),
        },
      );
      return;
    }
    if (!info.methods.includes(method)) {
      const near = closest(method, info.methods);
      const suggestion =
        linkSuggestion(surface, `${ns}.${method}`) ??
        (near ? `${ns}.${near}` : sameNameElsewhere(surface, method));
      report(
        call,
        'unknown',
        `\`${variable}.${ns}.${method}()\` does not exist in ${label(surface)}${suggestion ? `; use \`${variable}.${suggestion}()\`` : ''}.`,
        {
          ...(suggestion ? { suggestion } : {}),
          doc: ctx.readPath?.(surface, symbolNamed(surface, suggestion), ns),
        },
      );
      return;
    }
    const symbol = symbolNamed(surface, `${ns}.${method}`)!;
    checkSymbolCall(call, surface, symbol, `${variable}.${ns}.${method}()`);
  };

  const checkSymbolCall = (
    node: TS.CallExpression,
    surface: SdkSurface,
    symbol: ApiSymbol,
    shown: string,
  ): void => {
    const problems = optionProblems(ts, node.arguments, symbol);
    const doc = ctx.readPath?.(surface, symbol);
    if (problems.bad.length) {
      const [first] = problems.bad;
      report(
        node,
        'bad-option',
        `${problems.bad.map((b) => `\`${b.key}\` is not an option of \`${shown}\`${b.suggestion ? ` (did you mean \`${b.suggestion}\`?)` : ''}`).join('; ')} in ${label(surface)}.`,
        { ...(first.suggestion ? { suggestion: first.suggestion } : {}), doc },
      );
    } else if (symbol.deprecated !== undefined) {
      report(
        node,
        'deprecated',
        `\`${shown}\` is deprecated in ${label(surface)}${symbol.deprecated ? `: ${symbol.deprecated}` : '.'}`,
        { doc },
      );
    } else if (problems.deprecated.length) {
      report(
        node,
        'deprecated',
        `${problems.deprecated.map((d) => `option \`${d.key}\` is deprecated${d.text ? `: ${d.text}` : ''}`).join('; ')} (${label(surface)}).`,
        { doc },
      );
    } else {
      report(
        node,
        'ok',
        `\`${shown}\` matches ${label(surface)}${problems.checked ? '' : ' (options not checked: not an object literal)'}.`,
        { doc },
      );
    }
  };

  const visitCalls = (node: TS.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee)) {
        const target = callee.expression;
        // workos.ns.method(...) / new WorkOS(key).ns.method(...)
        if (ts.isPropertyAccessExpression(target)) {
          const owner = instanceOf(target.expression);
          if (owner) checkNamespaced(node, owner, target.name.text, callee.name.text);
        } else {
          const owner = instanceOf(target);
          const alias = ts.isIdentifier(target) ? bindings.get(target.text) : undefined;
          if (alias?.kind === 'namespace')
            checkNamespaced(node, alias.surface, alias.namespace, callee.name.text);
          else if (owner) checkClientMember(node, owner, callee.name.text);
          else if (alias?.kind === 'module') {
            const symbol = symbolNamed(alias.surface, callee.name.text);
            if (symbol) checkSymbolCall(node, alias.surface, symbol, `${callee.name.text}()`);
          }
        }
      } else if (ts.isIdentifier(callee)) {
        const b = bindings.get(callee.text);
        if (b?.kind === 'export') {
          const symbol = symbolNamed(b.surface, b.name);
          if (symbol && symbol.kind !== 'class') checkSymbolCall(node, b.surface, symbol, `${b.name}()`);
        }
      }
    } else if (ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) {
      checkJsx(node);
    }
    ts.forEachChild(node, visitCalls);
  };

  const checkClientMember = (call: TS.CallExpression, surface: SdkSurface, name: string): void => {
    use(surface);
    const client = surface.client!;
    if (client.members.includes(name)) return;
    const variable = client.className.toLowerCase();
    const suggestion = sameNameElsewhere(surface, name) ?? closest(name, client.members);
    report(
      call,
      'unknown',
      `\`${variable}.${name}()\` does not exist in ${label(surface)}${suggestion ? `; use \`${variable}.${suggestion}()\`` : ''}.`,
      {
        ...(suggestion ? { suggestion } : {}),
        doc: ctx.readPath?.(surface, symbolNamed(surface, suggestion)),
      },
    );
  };

  const checkJsx = (node: TS.JsxSelfClosingElement | TS.JsxOpeningElement): void => {
    if (!ts.isIdentifier(node.tagName)) return;
    const b = bindings.get(node.tagName.text);
    if (b?.kind !== 'export') return;
    const symbol = symbolNamed(b.surface, b.name);
    const fields = symbol?.signatures.at(-1)?.params[0]?.fields;
    if (!symbol || !fields) return;
    const names = fields.map((f) => f.name);
    const bad: { key: string; suggestion?: string }[] = [];
    for (const attr of node.attributes.properties) {
      if (!ts.isJsxAttribute(attr) || !ts.isIdentifier(attr.name)) continue;
      const key = attr.name.text;
      if (names.includes(key) || JSX_ALWAYS.has(key) || /^(data|aria)-/.test(key)) continue;
      bad.push({ key, suggestion: closest(key, names) });
    }
    const doc = ctx.readPath?.(b.surface, symbol);
    if (bad.length) {
      report(
        node,
        'bad-option',
        `${bad.map((x) => `\`${x.key}\` is not a prop of \`<${b.name}>\`${x.suggestion ? ` (did you mean \`${x.suggestion}\`?)` : ''}`).join('; ')} in ${label(b.surface)}.`,
        {
          ...(bad[0].suggestion ? { suggestion: bad[0].suggestion } : {}),
          doc,
        },
      );
    } else if (symbol.deprecated !== undefined) {
      report(
        node,
        'deprecated',
        `\`<${b.name}>\` is deprecated in ${label(b.surface)}${symbol.deprecated ? `: ${symbol.deprecated}` : '.'}`,
        { doc },
      );
    } else report(node, 'ok', `\`<${b.name}>\` props match ${label(b.surface)}.`, { doc });
  };

  visitCalls(sf);
  out.calls.sort((a, b) => a.line - b.line);
  return out;
}

const JSX_ALWAYS = new Set(['key', 'ref', 'children', 'className', 'style', 'id']);

function parse(ts: TypeScript, code: string): TS.SourceFile {
  // TSX reads JSX but not `<T>x` casts; take whichever reading has fewer syntax errors.
  const asTs = ts.createSourceFile('snippet.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const tsErrors = diagnostics(asTs).length;
  if (tsErrors === 0) return asTs;
  const asTsx = ts.createSourceFile('snippet.tsx', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  return diagnostics(asTsx).length < tsErrors ? asTsx : asTs;
}

function diagnostics(sf: TS.SourceFile): readonly TS.Diagnostic[] {
  // The parser's own diagnostics: syntax only, no program or type checking needed.
  return (sf as unknown as { parseDiagnostics?: readonly TS.Diagnostic[] }).parseDiagnostics ?? [];
}

function syntaxErrors(ts: TypeScript, sf: TS.SourceFile): { line: number; message: string }[] {
  return diagnostics(sf).map((d) => ({
    line: d.start === undefined ? 0 : sf.getLineAndCharacterOfPosition(d.start).line + 1,
    message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
  }));
}

function isRequire(ts: TypeScript, e: TS.Expression): e is TS.CallExpression {
  return (
    ts.isCallExpression(e) &&
    ts.isIdentifier(e.expression) &&
    e.expression.text === 'require' &&
    e.arguments.length === 1 &&
    ts.isStringLiteral(e.arguments[0])
  );
}

function exportedNames(surface: SdkSurface, specifier: string): string[] | undefined {
  const listed = surface.exports?.find((e) => e.module === specifier)?.names;
  if (listed) return listed;
  if (surface.exports) return undefined;
  const names = surface.symbols
    .filter((s) => !s.namespace && s.module === specifier)
    .map((s) => s.qualifiedName);
  return names.length ? names : undefined;
}

function symbolNamed(surface: SdkSurface, qualifiedName: string | undefined): ApiSymbol | undefined {
  return qualifiedName ? surface.symbols.find((s) => s.qualifiedName === qualifiedName) : undefined;
}

/** A method of that name in exactly one client namespace: it moved there. */
function sameNameElsewhere(surface: SdkSurface, method: string): string | undefined {
  const hits = (surface.client?.namespaces ?? []).filter((n) => n.methods.includes(method));
  return hits.length === 1 ? `${hits[0].name}.${method}` : undefined;
}

function closestNamespaceWith(surface: SdkSurface, ns: string, method: string): string | undefined {
  const names = (surface.client?.namespaces ?? []).map((n) => n.name);
  const near = closest(ns, names);
  if (!near) return undefined;
  const info = surface.client!.namespaces.find((n) => n.name === near)!;
  const m = info.methods.includes(method) ? method : closest(method, info.methods);
  return m ? `${near}.${m}` : undefined;
}

interface OptionProblems {
  bad: { key: string; suggestion?: string }[];
  deprecated: { key: string; text: string }[];
  /** At least one argument was an object literal checked against known fields. */
  checked: boolean;
}

/** Keys of object-literal arguments against the fields every overload allows at that position. */
function optionProblems(
  ts: TypeScript,
  args: TS.NodeArray<TS.Expression>,
  symbol: ApiSymbol,
): OptionProblems {
  const out: OptionProblems = { bad: [], deprecated: [], checked: false };
  args.forEach((arg, i) => {
    if (!ts.isObjectLiteralExpression(arg)) return;
    const fields = symbol.signatures.flatMap((s) => s.params[i]?.fields ?? []);
    const rest = symbol.signatures.some(
      (s) => s.params[i]?.rest || (s.params[i] && !s.params[i].fields && s.params[i].type !== ''),
    );
    if (fields.length === 0 || rest) return;
    out.checked = true;
    checkObject(ts, arg, fields, '', out);
  });
  return out;
}

function checkObject(
  ts: TypeScript,
  obj: TS.ObjectLiteralExpression,
  fields: ApiField[],
  prefix: string,
  out: OptionProblems,
): void {
  const names = [...new Set(fields.map((f) => f.name))];
  for (const prop of obj.properties) {
    if (ts.isSpreadAssignment(prop)) continue; // keys unknown: not checked
    const nameNode = prop.name;
    if (!nameNode || !(ts.isIdentifier(nameNode) || ts.isStringLiteral(nameNode))) continue;
    const key = nameNode.text;
    const field = fields.find((f) => f.name === key);
    if (!field) {
      const suggestion = closest(key, names);
      out.bad.push({
        key: `${prefix}${key}`,
        ...(suggestion ? { suggestion: `${prefix}${suggestion}` } : {}),
      });
      continue;
    }
    if (field.deprecated !== undefined)
      out.deprecated.push({ key: `${prefix}${key}`, text: field.deprecated });
    if (field.fields && ts.isPropertyAssignment(prop) && ts.isObjectLiteralExpression(prop.initializer)) {
      checkObject(ts, prop.initializer, field.fields, `${prefix}${key}.`, out);
    }
  }
}
