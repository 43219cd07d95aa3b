/**
 * The two faces phrase "what to do next" differently: a model calls a tool, a person types a command.
 * Formatters take a Face and ask it for the wording, so both faces share every other line.
 */
export type Face = 'mcp' | 'cli';

type Args = Record<string, string | number | undefined>;

const CLI_COMMAND: Record<string, string> = {
  workos_docs: 'read',
  workos_search: 'search',
  workos_examples: 'examples',
  workos_changelogs: 'changelog',
};

const CLI_POSITIONAL: Record<string, string> = {
  workos_docs: 'path',
  workos_search: 'query',
  workos_examples: 'query',
};

/** `workos_docs {"path":"sso","page":2}` for models, `workos-docs-mcp read sso --page 2` for people. */
export function callHint(face: Face, tool: string, args: Args): string {
  const defined = Object.entries(args).filter(([, v]) => v !== undefined && v !== '');
  if (face === 'mcp') return `${tool} ${JSON.stringify(Object.fromEntries(defined))}`;
  const positional = CLI_POSITIONAL[tool];
  const parts = ['workos-docs-mcp', CLI_COMMAND[tool] ?? tool];
  for (const [k, v] of defined) {
    const value = String(v);
    const quoted = /^[\w./#-]+$/.test(value) ? value : JSON.stringify(value);
    if (k === positional) parts.splice(2, 0, quoted);
    else parts.push(`--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, quoted);
  }
  return parts.join(' ');
}
