import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { hygieneProblems } from './hygiene.js';

export type Outcome =
  | { kind: 'result'; result: Record<string, unknown>; ms: number }
  | { kind: 'error'; code: number; message: string; ms: number }
  | { kind: 'timeout'; ms: number };

/** Any result shape: we validate it ourselves so malformed answers are findings, not client exceptions. */
const AnyResult = z.object({}).passthrough();

/**
 * Sends a request exactly as given (the client does not validate outgoing params), so arguments a
 * schema-checking client would refuse still reach the server.
 */
export async function rawRequest(
  client: Client,
  method: string,
  params: unknown,
  timeoutMs: number,
): Promise<Outcome> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout', ms: performance.now() - started }), timeoutMs);
  });
  const call = client.request({ method, params } as never, AnyResult, { timeout: timeoutMs * 4 }).then(
    (result): Outcome => ({ kind: 'result', result, ms: performance.now() - started }),
    (err: unknown): Outcome => {
      if (err instanceof McpError)
        return { kind: 'error', code: err.code, message: err.message, ms: performance.now() - started };
      return {
        kind: 'error',
        code: NaN,
        message: `non-JSON-RPC failure: ${String(err)}`,
        ms: performance.now() - started,
      };
    },
  );
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** JSON-RPC codes a server may answer bad input with: invalid params/request, resource not found. */
const ACCEPTED_ERROR_CODES = new Set([-32602, -32600, -32002, -32601]);

/** Problems with a tools/call outcome: shape, internal errors, leaks. Empty means the property holds. */
export function toolOutcomeProblems(
  outcome: Outcome,
  input: unknown,
  options: { extraPaths?: string[] } = {},
): string[] {
  if (outcome.kind === 'timeout') return [`no answer within ${Math.round(outcome.ms)} ms`];
  if (outcome.kind === 'error') return errorProblems(outcome, input, options);
  const result = outcome.result as Partial<CallToolResult>;
  const problems: string[] = [];
  if (!Array.isArray(result.content) || result.content.length === 0) return ['result has no content array'];
  for (const item of result.content) {
    if (item.type !== 'text' || typeof item.text !== 'string' || item.text.trim() === '')
      problems.push(`content item is not non-empty text: ${JSON.stringify(item).slice(0, 100)}`);
  }
  const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
  if (result.isError === true) {
    // A DocsError answer names what was wrong; "failed unexpectedly" means our code threw.
    if (
      /failed unexpectedly|internal error|TypeError|ReferenceError|RangeError|undefined is not|Cannot read prop/i.test(
        text,
      )
    )
      problems.push(`internal failure surfaced: ${text.slice(0, 200)}`);
  } else if (result.structuredContent === undefined) {
    problems.push('successful result without structuredContent');
  }
  problems.push(
    ...hygieneProblems(text + JSON.stringify(result.structuredContent ?? {}), { input, ...options }),
  );
  return problems;
}

export function errorProblems(
  outcome: Extract<Outcome, { kind: 'error' }>,
  input: unknown,
  options: { extraPaths?: string[] } = {},
): string[] {
  const problems: string[] = [];
  if (!ACCEPTED_ERROR_CODES.has(outcome.code))
    problems.push(`JSON-RPC error ${outcome.code}: ${outcome.message.slice(0, 200)}`);
  if (outcome.message.trim() === '') problems.push('JSON-RPC error without a message');
  problems.push(...hygieneProblems(outcome.message, { input, ...options }));
  return problems;
}

export function textOf(result: Record<string, unknown>): string {
  const content = (result as Partial<CallToolResult>).content ?? [];
  return content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}
