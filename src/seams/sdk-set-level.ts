import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SetLevelRequestSchema, type LoggingLevel } from '@modelcontextprotocol/sdk/types.js';

/**
 * SEAM (SDK `Server` registers its own `logging/setLevel` handler when the logging capability is
 * declared, and keeps the level in a private per-session map we cannot read): we replace that handler
 * through the low-level `setRequestHandler`, so the level lives with our ServerLog, per server
 * instance. Breaks on upgrade when: `setRequestHandler` starts refusing a second handler for a method
 * (it silently replaces today), or the SDK filters `sendLoggingMessage` by its own map and we switch
 * to it. Test: test/seams/seams.test.ts "sdk-set-level".
 */
export function onSetLevel(server: McpServer, setLevel: (level: LoggingLevel) => void): void {
  server.server.setRequestHandler(SetLevelRequestSchema, async (request) => {
    setLevel(request.params.level);
    return {};
  });
}
