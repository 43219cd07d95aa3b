#!/usr/bin/env node
import { runCli } from './cli/program.js';

// The only module with process-level side effects: argv in, exit code out.
runCli(process.argv).then(
  (code) => {
    if (typeof code === 'number') process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`workos-docs-mcp: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
