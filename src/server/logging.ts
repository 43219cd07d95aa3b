import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { LoggingLevel, ServerNotification } from '@modelcontextprotocol/sdk/types.js';
import { onSetLevel } from '../seams/sdk-set-level.js';

const LEVELS: LoggingLevel[] = [
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
];
const severity = (level: LoggingLevel) => LEVELS.indexOf(level);
let warnedBadLevel = false;

/** Sends a notification on the channel of the current request (the only one that works in stateless HTTP). */
export type Notify = (notification: ServerNotification) => Promise<void>;

export interface LogOptions {
  /** Lowest level written to stderr (env WORKOS_DOCS_MCP_LOG_LEVEL); default 'warning'. */
  stderrLevel?: LoggingLevel;
  stderr?: (line: string) => void;
  /** Send notifications/message to the client (false for a stateless HTTP request: stderr only). */
  toClient?: boolean;
}

/**
 * Server logs: to stderr (never stdout, which carries JSON-RPC) and, at or above the level the
 * client set with logging/setLevel (default 'info'), as notifications/message to the client.
 */
export class ServerLog {
  private clientLevel: LoggingLevel = 'info';
  private readonly stderrLevel: LoggingLevel;
  private readonly stderr: (line: string) => void;
  private readonly toClient: boolean;

  constructor(
    private readonly server: McpServer,
    options: LogOptions = {},
  ) {
    const envLevel = process.env.WORKOS_DOCS_MCP_LOG_LEVEL as LoggingLevel | undefined;
    if (envLevel && !LEVELS.includes(envLevel) && !warnedBadLevel) {
      // Once per process (stateless HTTP builds a server per request), and never on stdout.
      warnedBadLevel = true;
      process.stderr.write(
        `workos-docs-mcp: WORKOS_DOCS_MCP_LOG_LEVEL="${envLevel.slice(0, 40)}" is not a log level (${LEVELS.join(', ')}); using "warning"\n`,
      );
    }
    this.stderrLevel = options.stderrLevel ?? (envLevel && LEVELS.includes(envLevel) ? envLevel : 'warning');
    this.stderr = options.stderr ?? ((line) => process.stderr.write(`${line}\n`));
    this.toClient = options.toClient ?? true;
    // Replaces the SDK's own handler so the level lives here, per server instance.
    onSetLevel(server, (level) => {
      this.clientLevel = level;
      this.log('debug', `log level set to ${level}`);
    });
  }

  get level(): LoggingLevel {
    return this.clientLevel;
  }

  /** `stderrDetail` (a stack trace) is for the operator's log only, never sent to the client. */
  log(level: LoggingLevel, message: string, notify?: Notify, stderrDetail?: string): void {
    if (severity(level) >= severity(this.stderrLevel)) {
      this.stderr(`[workos-docs-mcp] ${level}: ${message}${stderrDetail ? `\n${stderrDetail}` : ''}`);
    }
    if (!this.toClient || severity(level) < severity(this.clientLevel)) return;
    const notification: ServerNotification = {
      method: 'notifications/message',
      params: { level, logger: 'workos-docs-mcp', data: message },
    };
    const send =
      notify ??
      ((n: ServerNotification) =>
        this.server.isConnected() ? this.server.server.notification(n) : Promise.resolve());
    send(notification).catch(() => {
      /* a client that went away cannot be told */
    });
  }
}
