import { Command } from 'commander';
import { registerBuild } from './commands/build.js';
import { registerUpdate } from './commands/update.js';
import { registerSearch } from './commands/search.js';
import { registerRead } from './commands/read.js';
import { registerExamples } from './commands/examples.js';
import { registerChangelog } from './commands/changelog.js';
import { registerInfo } from './commands/info.js';
import { registerProject } from './commands/project.js';
import { registerServe } from './commands/serve.js';
import { serverVersion } from '../core/info.js';
import { serveStdio } from './serve-stdio.js';

/**
 * Builds the CLI. Each command lives in ./commands/<name>.ts and registers itself here;
 * commands call src/core (never the MCP layer). Returns the exit code.
 */
export function buildProgram(): Command {
  const program = new Command()
    .name('workos-docs-mcp')
    .description('WorkOS docs for AI assistants: an MCP server (stdio or HTTP) and a CLI for humans.')
    .version(serverVersion())
    .showHelpAfterError('(run "workos-docs-mcp --help" for usage)');
  registerBuild(program);
  registerUpdate(program);
  registerSearch(program);
  registerRead(program);
  registerExamples(program);
  registerChangelog(program);
  registerInfo(program);
  registerProject(program);
  registerServe(program);
  // No subcommand: what an MCP client launches (`npx workos-docs-mcp`) — the stdio server.
  program.allowExcessArguments().action(async (_opts: unknown, cmd: Command) => {
    if (cmd.args.length > 0) cmd.error(`error: unknown command '${cmd.args[0]}'`);
    await serveStdio();
  });
  return program;
}

export async function runCli(argv: string[]): Promise<number | void> {
  const program = buildProgram();
  await program.parseAsync(argv);
}
