/**
 * A face is how an answer reaches someone: the MCP server (a model calls tools) or the CLI (a person
 * types commands). Formatters ask the face for its wording of "what to do next", so both faces share
 * every other line and core never names a tool or a command. Each face implements this in its own
 * folder (server/face.ts, cli/face.ts).
 */
export interface Face {
  /** The operation's name in this face: a tool name for a model, a command for a person. */
  name(operation: string): string;
  /** A complete call with arguments: a tool name with JSON arguments, or a command line. */
  call(operation: string, args: CallArgs): string;
}

export type CallArgs = Record<string, string | number | undefined>;

/** The arguments actually given: undefined and empty values dropped. */
export function definedArgs(args: CallArgs): [string, string | number][] {
  return Object.entries(args).filter(
    (e): e is [string, string | number] => e[1] !== undefined && e[1] !== '',
  );
}

/** Plain wording for callers without a face of their own (the library's Markdown): operation names as-is. */
export const PLAIN_FACE: Face = {
  name: (operation) => operation,
  call: (operation, args) => `${operation} ${JSON.stringify(Object.fromEntries(definedArgs(args)))}`,
};
