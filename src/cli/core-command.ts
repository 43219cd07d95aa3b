import { InvalidArgumentError } from 'commander';
import { describeError, DocsError } from '../core/errors.js';
import { loadRuntime } from '../core/load-runtime.js';
import type { Runtime } from '../core/runtime.js';

/**
 * Runs a CLI command against the loaded corpus. Domain errors (unknown doc, bad option) become one
 * Error carrying the full message with its suggestions; bin.ts prints it to stderr and exits 1.
 */
export async function withRuntime(run: (runtime: Runtime) => string | object, json = false): Promise<void> {
  try {
    const runtime = await loadRuntime();
    const result = run(runtime);
    process.stdout.write(
      typeof result === 'string' && !json ? `${result}\n` : `${JSON.stringify(result, null, 2)}\n`,
    );
  } catch (err) {
    if (err instanceof DocsError) throw new Error(describeError(err));
    throw err;
  }
}

/** commander option parser for positive integers; commander prints the message and exits 1. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a positive whole number, got "${value}".`);
  return n;
}
