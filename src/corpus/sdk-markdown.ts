import type { ApiField, ApiSignature, ApiSymbol, DocsSdkLink, SdkSurface } from './sdk-surface.js';

/** The variable name code conventionally gives the client: `WorkOS` -> `workos`. */
export function clientVariable(surface: SdkSurface): string {
  return surface.client ? surface.client.className.toLowerCase() : '';
}

/** How code calls it: `workos.adminPortal.generateLink(options)`, `withAuth(options?)`, `<AuthKitProvider />`. */
export function callText(
  symbol: ApiSymbol,
  surface: SdkSurface,
  signature = symbol.signatures.at(-1),
): string {
  const params = (signature?.params ?? []).map(
    (p) => `${p.rest ? '...' : ''}${p.name}${p.optional ? '?' : ''}`,
  );
  if (symbol.kind === 'component') return `<${symbol.name} />`;
  if (symbol.kind === 'class') return `new ${symbol.name}(${params.join(', ')})`;
  if (symbol.kind === 'constant') return symbol.name;
  const onClient =
    surface.client && symbol.namespace && surface.client.namespaces.some((n) => n.name === symbol.namespace);
  const prefix = onClient ? `${clientVariable(surface)}.` : '';
  return `${prefix}${symbol.qualifiedName}(${params.join(', ')})`;
}

function signatureLine(symbol: ApiSymbol, surface: SdkSurface, sig: ApiSignature): string {
  const params = sig.params.map(
    (p) => `${p.rest ? '...' : ''}${p.name}${p.optional ? '?' : ''}: ${p.type || 'unknown'}`,
  );
  const onClient =
    surface.client && symbol.namespace && surface.client.namespaces.some((n) => n.name === symbol.namespace);
  const name =
    symbol.kind === 'class'
      ? `new ${symbol.name}`
      : `${onClient ? `${clientVariable(surface)}.` : ''}${symbol.qualifiedName}`;
  return `${name}${sig.typeParams}(${params.join(', ')})${sig.returns ? `: ${sig.returns}` : ''}`;
}

/** Every overload as a TypeScript block. */
export function signatureBlock(symbol: ApiSymbol, surface: SdkSurface): string {
  if (symbol.signatures.length === 0) return '';
  return ['```ts', ...symbol.signatures.map((s) => signatureLine(symbol, surface, s)), '```'].join('\n');
}

function fieldLines(fields: ApiField[], indent: string, out: string[]): void {
  for (const f of fields) {
    const flags = [
      f.type && `\`${f.type}\``,
      f.optional ? 'optional' : 'required',
      f.deprecated !== undefined && `**deprecated**${f.deprecated ? `: ${f.deprecated}` : ''}`,
    ]
      .filter(Boolean)
      .join(', ');
    out.push(`${indent}- \`${f.name}\` (${flags})${f.description ? ` — ${f.description}` : ''}`);
    if (f.fields) fieldLines(f.fields, `${indent}  `, out);
  }
}

/** Parameters of the last (most general) overload, option fields expanded. */
export function parametersMarkdown(symbol: ApiSymbol): string {
  const sig = symbol.signatures.at(-1);
  if (!sig || sig.params.length === 0) return '';
  const out = ['**Parameters**', ''];
  for (const p of sig.params) {
    const type = p.fields?.length && p.type.startsWith('{') ? 'object' : p.type;
    out.push(
      `- \`${p.name}\` (\`${type}\`, ${p.optional ? 'optional' : 'required'})${p.description ? ` — ${p.description}` : ''}`,
    );
    if (p.fields) fieldLines(p.fields, '  ', out);
  }
  return out.join('\n');
}

export interface SymbolMarkdownOptions {
  /** Heading depth of the symbol (0 = no heading). */
  depth?: number;
  /** Docs reference methods linked to this symbol, to name the page that covers it. */
  links?: DocsSdkLink[];
  /** Leave out `@example` blocks (compact renderings under a reference page). */
  examples?: boolean;
}

/** One symbol as Markdown: signature, parameters, returns, deprecation, examples, the docs page covering it. */
export function symbolMarkdown(
  symbol: ApiSymbol,
  surface: SdkSurface,
  options: SymbolMarkdownOptions = {},
): string {
  const depth = options.depth ?? 2;
  const parts: string[] = [];
  if (depth > 0)
    parts.push(
      `${'#'.repeat(depth)} ${symbol.kind === 'component' ? symbol.name : `${symbol.qualifiedName}()`}`,
    );
  if (symbol.deprecated !== undefined)
    parts.push(
      `> **Deprecated** in ${surface.package} ${surface.version}${symbol.deprecated ? `: ${symbol.deprecated}` : '.'}`,
    );
  const lead = [symbol.summary, symbol.description].filter(Boolean).join('\n\n');
  if (lead) parts.push(lead);
  const block = signatureBlock(symbol, surface);
  if (block) parts.push(block);
  const params = parametersMarkdown(symbol);
  if (params) parts.push(params);
  const returns = symbol.signatures.at(-1)?.returns;
  if (returns && symbol.kind !== 'class') parts.push(`**Returns** \`${returns}\``);
  if (symbol.endpoint) parts.push(`**HTTP** \`${symbol.endpoint.method} ${symbol.endpoint.path}\``);
  if (options.examples !== false && symbol.examples.length) {
    parts.push(
      [
        '**Examples**',
        ...symbol.examples.map((e) => (/^\s*```/.test(e) ? e : `\`\`\`ts\n${e}\n\`\`\``)),
      ].join('\n\n'),
    );
  }
  const links = options.links ?? [];
  if (links.length) {
    parts.push(
      `**Docs:** ${links
        .map(
          (l) =>
            `\`${l.docPath}\`${l.docsName === symbol.qualifiedName ? '' : ` (shown there as \`${l.docsTitle}\`)`}`,
        )
        .join(', ')}`,
    );
  }
  parts.push(
    `_From the type declarations of ${surface.package} ${surface.version}; import from \`${symbol.module}\`._`,
  );
  return parts.join('\n\n');
}

/** The plain sentence for a docs method that is not in the SDK: used under reference pages and in search snippets. */
export function mismatchSentence(
  link: DocsSdkLink,
  symbol: ApiSymbol | undefined,
  surface: SdkSurface,
): string {
  const shown = `\`${link.docsTitle}\``;
  if (link.status === 'exact') return '';
  if (!symbol)
    return `The docs show ${shown}; ${surface.package} ${surface.version} has no such method (no close match found in its type declarations).`;
  const alt = (link.alternatives ?? []).length
    ? ` (or ${link.alternatives!.map((a) => `\`${a}\``).join(', ')})`
    : '';
  return `The docs show ${shown}; in ${surface.package} ${surface.version} it is \`${callText(symbol, surface)}\`${alt}.`;
}
