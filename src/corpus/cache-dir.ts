import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The user cache directory: `$WORKOS_DOCS_MCP_CACHE` (tests, custom setups), else
 * `$XDG_CACHE_HOME/workos-docs-mcp`, else `~/.cache/workos-docs-mcp`. Below both the build side
 * (SDK tarballs, `update`) and the serving side (which corpus to load), so neither imports the other.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WORKOS_DOCS_MCP_CACHE) return env.WORKOS_DOCS_MCP_CACHE;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'workos-docs-mcp');
}
