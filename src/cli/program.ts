import { Command } from 'commander';
import { registerBuild } from './commands/build.js';
import { registerUpdate } from './commands/update.js';
import { registerProject } from './commands/project.js';
import { registerServe } from './commands/serve.js';
import { editDistance } from '../core/edit-distance.js';
import { serverVersion } from '../core/info.js';
import { folderAnswerContext } from '../lifecycle/answer-context.js';
import { loadRuntime } from '../lifecycle/load-runtime.js';
import { registerOperationCommands, type CliContext } from './operation-command.js';
import { serveStdio } from './serve-stdio.js';
import { guardOutput } from './output.js';
import { terminalRenderer } from './render.js';

const DEFAULT_CONTEXT: CliContext = {
  runtime: (corpusFile) => loadRuntime({ corpusFile }),
  // The project is the folder the command runs in, as for a stdio server.
  context: folderAnswerContext(process.cwd()),
  stdout: (text) => process.stdout.write(text),
  // People at a terminal get the answer drawn (headings, bold, code); a pipe gets plain Markdown.
  render: terminalRenderer(),
};

/**
 * Builds the CLI: the answer commands are generated from the operation table (cli/commands.ts says
 * which, under which names), the rest (build, update, project, serve) live in ./commands/<name>.ts.
 * Commands call src/core, never the MCP layer. Failures are thrown; bin.ts prints them and exits 1.
 */
export function buildProgram(ctx: CliContext = DEFAULT_CONTEXT): Command {
  const program = new Command()
    .name('workos-docs-mcp')
    .description('WorkOS docs for AI assistants: an MCP server (stdio or HTTP) and a CLI for humans.')
    .version(serverVersion())
    .showHelpAfterError('(run "workos-docs-mcp --help" for usage)');
  // Every command but the MCP server (its transport owns stdout): a failing stdout is one line, not a stack.
  program.hook('preAction', (_program, action) => {
    if (action !== program && action.name() !== 'serve') guardOutput();
  });
  registerBuild(program);
  registerUpdate(program);
  registerOperationCommands(program, ctx);
  registerProject(program, ctx.runtime);
  registerServe(program);
  // No subcommand: what an MCP client launches (`npx workos-docs-mcp`) — the stdio server.
  program.allowExcessArguments().action(async (_opts: unknown, cmd: Command) => {
    const [first, second] = cmd.args;
    if (first === 'help') {
      // `help` and `help <command>`, as in git and npm.
      const sub = program.commands.find((c) => c.name() === second || c.aliases().includes(second ?? ''));
      (sub ?? program).outputHelp();
      return;
    }
    if (first !== undefined) {
      const guess = closestCommand(
        first,
        program.commands.map((c) => c.name()),
      );
      cmd.error(`error: unknown command '${first}'${guess ? ` (did you mean '${guess}'?)` : ''}`);
    }
    await serveStdio();
  });
  return program;
}

/** The command a typo most likely meant (edit distance at most 2, or a unique prefix). */
export function closestCommand(typed: string, names: string[]): string | undefined {
  const t = typed.toLowerCase();
  const prefixed = names.filter((n) => n.startsWith(t));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = 3;
  for (const name of names) {
    const d = editDistance(t, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}

export async function runCli(argv: string[], ctx?: CliContext): Promise<void> {
  await buildProgram(ctx).parseAsync(argv);
}
