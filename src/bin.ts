#!/usr/bin/env node
// The only module with process-level side effects: argv in, exit code out (1 when a command throws;
// `serve` sets process.exitCode itself).
// With no arguments this is an MCP client launching the stdio server: take the short import path
// (no CLI parser, no build/update/HTTP code), which is most of the cold-start time, and answer the
// handshake from the build's snapshot while the MCP SDK loads (cli/stdio-fast.ts).
const args = process.argv.slice(2);
const run: Promise<void> =
  args.length === 0
    ? import('./cli/stdio-fast.js').then((m) => m.serveStdioFast())
    : import('./cli/program.js').then((m) => m.runCli(process.argv));

run.catch((err: unknown) => {
  process.stderr.write(`workos-docs-mcp: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
