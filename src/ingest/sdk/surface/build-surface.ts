import type * as TS from 'typescript';
import type {
  ApiSignature,
  ApiSymbol,
  ApiSymbolKind,
  SdkClient,
  SdkNamespace,
  SdkSurface,
  SurfaceProblem,
} from '../../../corpus/sdk-surface.js';
import { declarationEntries, type DeclarationEntry } from './entries.js';
import { docInfo } from './jsdoc.js';
import { filesFromDir, filesFromMap, type PackageFiles } from './package-files.js';
import { createPackageProgram, loadTypeScript, VIRTUAL_ROOT, type TypeScript } from './program.js';
import { expandFields, signatureOf, typeText, type SignatureContext } from './signatures.js';

export interface SurfaceMeta {
  name: string;
  version: string;
  /** Doc-path id; default: the name without its scope (`@workos-inc/node` -> `node`). */
  slug?: string;
}

/**
 * The public API surface of the package installed at `packageDir` (a folder with its package.json),
 * read from its type declarations with the TypeScript compiler API. Pure apart from reading that folder:
 * used at build for the pinned SDKs, and by project detection for the exact version a user has installed.
 */
export async function buildSurface(packageDir: string, meta: SurfaceMeta): Promise<SdkSurface> {
  return buildSurfaceFromFiles(filesFromDir(packageDir), meta);
}

/** Same, over files already in memory (a tarball read at build). Keys are package-relative paths. */
export async function buildSurfaceFromFiles(
  files: PackageFiles | ReadonlyMap<string, string>,
  meta: SurfaceMeta,
): Promise<SdkSurface> {
  const ts = await loadTypeScript();
  const pkgFiles =
    'read' in files && typeof files.read === 'function'
      ? (files as PackageFiles)
      : filesFromMap(files as ReadonlyMap<string, string>);
  return extractSurface(ts, pkgFiles, meta);
}

/** Client classes hold service objects; three is where a class stops being a value and becomes an SDK root. */
const MIN_CLIENT_NAMESPACES = 3;

export function extractSurface(ts: TypeScript, files: PackageFiles, meta: SurfaceMeta): SdkSurface {
  const problems: SurfaceProblem[] = [];
  const { entries, problems: entryProblems } = declarationEntries(meta.name, files);
  for (const reason of entryProblems) problems.push({ file: 'package.json', reason });
  const surface: SdkSurface = {
    package: meta.name,
    version: meta.version,
    slug: meta.slug ?? meta.name.replace(/^@[^/]+\//, ''),
    language: 'js',
    entries: entries.map((e) => e.file),
    symbols: [],
    problems,
  };
  if (entries.length === 0) return surface;

  const program = createPackageProgram(
    ts,
    files,
    entries.map((e) => e.file),
  );
  const checker = program.getTypeChecker();
  const ctx: SignatureContext = { ts, checker, program };
  for (const sf of program.getSourceFiles()) {
    if (!sf.fileName.startsWith(VIRTUAL_ROOT)) continue;
    const diag = program.getSyntacticDiagnostics(sf)[0];
    if (diag) {
      problems.push({
        file: sf.fileName.slice(VIRTUAL_ROOT.length),
        reason: `does not parse: ${ts.flattenDiagnosticMessageText(diag.messageText, ' ')}`,
      });
    }
  }

  const seen = new Set<string>();
  const push = (symbol: ApiSymbol): void => {
    if (seen.has(symbol.qualifiedName)) return;
    seen.add(symbol.qualifiedName);
    surface.symbols.push(symbol);
  };
  for (const entry of entries) {
    const exports = moduleExports(ts, program, checker, entry);
    if (!exports) {
      problems.push({ file: entry.file, reason: 'is not a module (no exports found)' });
      continue;
    }
    (surface.exports ??= []).push({ module: entry.module, names: exports.map((e) => e.name).sort() });
    try {
      extractEntry(ctx, entry, exports, surface, push);
    } catch (err) {
      problems.push({ file: entry.file, reason: `could not be read: ${(err as Error).message}` });
    }
  }
  return surface;
}

function moduleExports(
  ts: TypeScript,
  program: TS.Program,
  checker: TS.TypeChecker,
  entry: DeclarationEntry,
): { name: string; symbol: TS.Symbol }[] | undefined {
  const sf = program.getSourceFile(VIRTUAL_ROOT + entry.file);
  const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
  if (!moduleSymbol) return undefined;
  return checker.getExportsOfModule(moduleSymbol).map((exp) => ({
    name: exp.name,
    symbol: exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp,
  }));
}

function extractEntry(
  ctx: SignatureContext,
  entry: DeclarationEntry,
  exports: { name: string; symbol: TS.Symbol }[],
  surface: SdkSurface,
  push: (s: ApiSymbol) => void,
): void {
  const { ts } = ctx;
  const namespaceClasses = new Set<TS.Symbol>();
  if (!surface.client) {
    for (const { name, symbol } of exports) {
      if (!(symbol.flags & ts.SymbolFlags.Class)) continue;
      const client = clientOf(ctx, name, symbol, entry, push);
      if (client) {
        surface.client = client.client;
        for (const c of client.classes) namespaceClasses.add(c);
        namespaceClasses.add(symbol);
        break;
      }
    }
  } else {
    // A later entry (`/worker`) re-exporting the same classes adds nothing new for them.
    namespaceClasses.add(exports.find((e) => e.name === surface.client?.className)?.symbol as TS.Symbol);
  }
  for (const { name, symbol } of exports) {
    if (name === 'default' || namespaceClasses.has(symbol)) continue;
    const flags = symbol.flags;
    if (flags & ts.SymbolFlags.Class) extractClass(ctx, name, symbol, entry, push);
    else if (flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable))
      extractValue(ctx, name, symbol, entry, push);
  }
}

function isPublic(ts: TypeScript, symbol: TS.Symbol): boolean {
  if (symbol.name.startsWith('#') || symbol.name.startsWith('_')) return false;
  const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
  if (!decl) return true;
  return (ts.getCombinedModifierFlags(decl) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) === 0;
}

function publicMethods(ctx: SignatureContext, type: TS.Type): TS.Symbol[] {
  const { ts, checker } = ctx;
  return checker.getPropertiesOfType(type).filter((p) => p.flags & ts.SymbolFlags.Method && isPublic(ts, p));
}

/** `WorkOS`: a class whose public properties are service objects, each a namespace of methods. */
function clientOf(
  ctx: SignatureContext,
  className: string,
  classSymbol: TS.Symbol,
  entry: DeclarationEntry,
  push: (s: ApiSymbol) => void,
): { client: SdkClient; classes: TS.Symbol[] } | undefined {
  const { ts, checker } = ctx;
  const instance = checker.getDeclaredTypeOfSymbol(classSymbol);
  const candidates: { prop: TS.Symbol; type: TS.Type; cls: TS.Symbol }[] = [];
  const members: string[] = [];
  for (const prop of checker.getPropertiesOfType(instance)) {
    if (!isPublic(ts, prop)) continue;
    const type = checker.getTypeOfSymbol(prop);
    const cls = type.getSymbol();
    // An abstract class (`client: HttpClient`) is plumbing the client exposes, not a service namespace.
    const abstract =
      cls?.valueDeclaration && ts.getCombinedModifierFlags(cls.valueDeclaration) & ts.ModifierFlags.Abstract;
    if (
      prop.flags & ts.SymbolFlags.Property &&
      cls &&
      cls.flags & ts.SymbolFlags.Class &&
      !abstract &&
      publicMethods(ctx, type).length > 0
    ) {
      candidates.push({ prop, type, cls });
    } else members.push(prop.name);
  }
  if (candidates.length < MIN_CLIENT_NAMESPACES) return undefined;
  const namespaces: SdkNamespace[] = [];
  for (const { prop, type, cls } of candidates) {
    const methods = publicMethods(ctx, type);
    const info = docInfo(ts, checker, cls, cls.valueDeclaration);
    namespaces.push({
      name: prop.name,
      className: cls.name,
      summary: info.summary,
      methods: methods.map((m) => m.name),
    });
    for (const m of methods)
      push(symbolOf(ctx, m, 'method', m.name, `${prop.name}.${m.name}`, entry.module, prop.name));
  }
  return {
    client: { className, module: entry.module, namespaces, members },
    classes: candidates.map((c) => c.cls),
  };
}

/** Reads one exported declaration of an entry module, pushing the API symbols it defines. */
type ExportExtractor = (
  ctx: SignatureContext,
  name: string,
  symbol: TS.Symbol,
  entry: DeclarationEntry,
  push: (s: ApiSymbol) => void,
) => void;

const extractClass: ExportExtractor = (ctx, name, symbol, entry, push) => {
  const { checker } = ctx;
  const cls = symbolOf(
    ctx,
    symbol,
    'class',
    name,
    name,
    entry.module,
    undefined,
    checker.getTypeOfSymbol(symbol),
    true,
  );
  push(cls);
  for (const m of publicMethods(ctx, checker.getDeclaredTypeOfSymbol(symbol))) {
    push(symbolOf(ctx, m, 'method', m.name, `${name}.${m.name}`, entry.module, name));
  }
};

const extractValue: ExportExtractor = (ctx, name, symbol, entry, push) => {
  const { ts, checker } = ctx;
  const type = checker.getTypeOfSymbol(symbol);
  const callable = checker.getSignaturesOfType(type, ts.SignatureKind.Call).length > 0;
  const sample = symbolOf(ctx, symbol, 'function', name, name, entry.module);
  if (!callable) {
    const props = componentProps(ctx, symbol);
    if (props) sample.signatures = [props];
  }
  let kind: ApiSymbolKind = callable ? 'function' : 'constant';
  if (/^use[A-Z0-9]/.test(name) && callable) kind = 'hook';
  else if (
    /^[A-Z]/.test(name) &&
    (callable ||
      /\b(?:FC|FunctionComponent|ComponentType|Component|ForwardRefExoticComponent|MemoExoticComponent)\b/.test(
        typeName(ctx, symbol),
      ))
  ) {
    const returns = sample.signatures.map((s) => s.returns).join(' ');
    if (!callable || /JSX|React|Element|ReactNode|null/.test(returns) || returns === '') kind = 'component';
  }
  push({ ...sample, kind });
};

/**
 * `const X: FC<Props>` when React's types are not in the package (they never are): the checker cannot
 * call it, but the props type argument is the package's own and is what callers pass.
 */
function componentProps(ctx: SignatureContext, symbol: TS.Symbol): ApiSignature | undefined {
  const { ts, checker } = ctx;
  const decl = symbol.valueDeclaration;
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.type || !ts.isTypeReferenceNode(decl.type))
    return undefined;
  const arg = decl.type.typeArguments?.[0];
  if (!arg) return undefined;
  const fields = expandFields(ctx, checker.getTypeFromTypeNode(arg), 0, new Set());
  return {
    params: [
      {
        name: 'props',
        type: typeText(ctx, arg),
        optional: false,
        description: '',
        ...(fields.length ? { fields } : {}),
      },
    ],
    returns: typeText(ctx, decl.type),
    typeParams: '',
  };
}

function typeName(ctx: SignatureContext, symbol: TS.Symbol): string {
  const decl = symbol.valueDeclaration;
  if (decl && ctx.ts.isVariableDeclaration(decl) && decl.type) return decl.type.getText();
  return '';
}

function symbolOf(
  ctx: SignatureContext,
  symbol: TS.Symbol,
  kind: ApiSymbolKind,
  name: string,
  qualifiedName: string,
  module: string,
  namespace?: string,
  type?: TS.Type,
  construct = false,
): ApiSymbol {
  const { ts, checker } = ctx;
  const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
  const info = docInfo(ts, checker, symbol, decl);
  const t = type ?? checker.getTypeOfSymbol(symbol);
  const sigs = checker.getSignaturesOfType(t, construct ? ts.SignatureKind.Construct : ts.SignatureKind.Call);
  return {
    kind,
    name,
    qualifiedName,
    ...(namespace ? { namespace } : {}),
    module,
    signatures: sigs.map((s) => signatureOf(ctx, s, info.params)),
    summary: info.summary,
    description: info.description,
    ...(info.deprecated !== undefined ? { deprecated: info.deprecated } : {}),
    examples: info.examples,
    ...(info.endpoint ? { endpoint: info.endpoint } : {}),
  };
}
