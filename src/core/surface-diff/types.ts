/**
 * The parts of an SDK surface (corpus/sdk-surface.ts, built from type declarations) that a diff
 * reads. Structural on purpose: any surface with these fields diffs, whatever else it carries.
 */
export interface DiffField {
  name: string;
  type: string;
  optional: boolean;
  deprecated?: string;
}

export interface DiffParam {
  name: string;
  type: string;
  optional: boolean;
  rest?: boolean;
  fields?: DiffField[];
}

export interface DiffSymbol {
  kind: string;
  name: string;
  qualifiedName: string;
  namespace?: string;
  signatures: { params: DiffParam[]; returns: string }[];
  deprecated?: string;
  endpoint?: { method: string; path: string };
}

export interface DiffSurface {
  package: string;
  version: string;
  client?: { className: string; namespaces: { name: string; className: string; methods: string[] }[] };
  symbols: DiffSymbol[];
}

/** `from` became `to`; `why` is the structural evidence, in words a reader can check. */
export interface Rename {
  from: string;
  to: string;
  why: string;
  /** Other new names that fit almost as well (`createRole` -> `createEnvironmentRole`, also `createOrganizationRole`). */
  also?: string[];
}

export interface OptionChange {
  /** The symbol as named in the newer version. */
  symbol: string;
  added: string[];
  removed: string[];
  changed: { name: string; from: string; to: string }[];
  nowRequired: string[];
  nowOptional: string[];
  /** The parameter list itself changed (`(id: string)` -> `(options: GetDirectoryOptions)`). */
  params?: { from: string; to: string };
}

export interface Deprecation {
  symbol: string;
  /** The option field, when a field (not the whole symbol) was deprecated. */
  field?: string;
  text: string;
}

export interface SurfaceDiff {
  package: string;
  from: string;
  to: string;
  namespaces: { added: string[]; removed: string[]; renamed: Rename[] };
  /** Methods and exports by qualified name (`adminPortal.generateLink`, `withAuth`). */
  symbols: { added: string[]; removed: string[]; renamed: Rename[] };
  options: OptionChange[];
  /** Newly deprecated in `to`. */
  deprecated: Deprecation[];
  /** Removed in `to` after being deprecated in `from` (the warning came first). */
  removedDeprecated: string[];
}
