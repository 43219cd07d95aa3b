import { InvalidArgumentError, type Command } from 'commander';
import type { ZodTypeAny } from 'zod';
import type { AnswerContext } from '../core/answer-context.js';
import { DocsError, describeError } from '../core/errors.js';
import { contextFor, runOperation } from '../core/operations/index.js';
import type { Runtime } from '../core/runtime.js';
import { fieldFacts, type FieldFacts } from '../seams/zod-tolerant-object.js';
import { COMMANDS, type CommandSpec } from './commands.js';
import { CLI_FACE } from './face.js';

/** Where a CLI command gets its corpus and writes its answer (tests pass their own). */
export interface CliContext {
  /** `corpusFile`: the command's `--corpus <file>`, when given. */
  runtime: (corpusFile?: string) => Promise<Runtime>;
  /** The project in the current folder and the SDK versions it uses (built on first need). */
  context?: (runtime: Runtime) => Promise<AnswerContext>;
  stdout: (text: string) => void;
  /** Draws a Markdown answer for a person (stdout is a terminal); absent: the Markdown as is. */
  render?: (markdown: string) => Promise<string>;
}

/** commander option parser for positive integers; commander prints the message and exits 1. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a positive whole number, got "${value}".`);
  return n;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
/** Where commander keeps a long option's value: `sdk-version` -> `sdkVersion`. */
const optionKey = (long: string) => long.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The help line: the CLI's words, then what the schema knows (choices, default, range). */
function helpLine(help: string | undefined, facts: FieldFacts): string {
  const known: string[] = [];
  if (facts.type === 'enum') known.push(facts.values.join(', '));
  if (facts.type === 'number') {
    if (facts.default !== undefined) known.push(`default ${facts.default}`);
    if (facts.max !== undefined) known.push(`max ${facts.max}`);
  }
  const text = help ?? facts.description ?? '';
  if (known.length === 0) return text;
  return facts.type === 'enum' ? `${text}: ${known[0]}` : `${text} (${known.join(', ')})`;
}

/**
 * Runs one command: flags and positional words become the operation's input, parsed by the same
 * schema MCP uses; `--json` prints exactly what MCP puts in structuredContent. Domain errors become one
 * Error carrying the full message with its suggestions; bin.ts prints it to stderr and exits 1.
 */
async function execute(
  spec: CommandSpec,
  raw: Record<string, unknown>,
  flags: { json: boolean; corpus?: string },
  ctx: CliContext,
) {
  const op = spec.operation;
  try {
    const runtime = await ctx.runtime(flags.corpus);
    const build = ctx.context;
    const context = await contextFor(op, build && (() => build(runtime)));
    const answer = await runOperation(op, runtime, raw, context);
    if (flags.json) return ctx.stdout(`${JSON.stringify(op.structured(answer), null, 2)}\n`);
    const markdown = op.markdown(answer, CLI_FACE);
    ctx.stdout(`${ctx.render ? await ctx.render(markdown) : markdown}\n`);
  } catch (err) {
    if (err instanceof DocsError) throw new Error(describeError(err, CLI_FACE));
    throw err;
  }
}

export function registerOperationCommand(program: Command, spec: CommandSpec, ctx: CliContext): void {
  const shape = spec.operation.input.shape as Record<string, ZodTypeAny>;
  const cmd = program.command(spec.command).description(spec.description);
  const positional = spec.positional;
  if (positional) {
    const name = `${positional.field}${positional.variadic ? '...' : ''}`;
    cmd.argument(positional.required ? `<${name}>` : `[${name}]`, positional.help);
  }
  const fields = Object.keys(shape).filter((f) => f !== positional?.field);
  for (const field of fields) {
    const flag = spec.flags?.[field] ?? {};
    const facts = fieldFacts(shape[field]);
    const long = `--${flag.long ?? kebab(field)} <${flag.value ?? 'value'}>`;
    const flags = flag.short ? `-${flag.short}, ${long}` : long;
    const help = helpLine(flag.help, facts);
    if (facts.type === 'number') cmd.option(flags, help, positiveInt);
    else cmd.option(flags, help);
  }
  cmd.option('--json', 'print the structured result as JSON (the same as MCP structuredContent)');
  cmd.option(
    '--offline',
    "never download an SDK version (your project's, or one asked for); also WORKOS_DOCS_MCP_OFFLINE=1",
  );
  cmd.option(
    '--corpus <file>',
    'corpus bundle to read (default: $WORKOS_DOCS_MCP_CORPUS or the bundled one)',
  );
  cmd.action(async (...params: unknown[]) => {
    const opts = params[positional ? 1 : 0] as Record<string, unknown>;
    // Read when the first SDK version is looked up (lifecycle/surfaces), after this.
    if (opts.offline === true) process.env.WORKOS_DOCS_MCP_OFFLINE = '1';
    const raw: Record<string, unknown> = {};
    for (const field of fields) {
      const key = optionKey(spec.flags?.[field]?.long ?? field);
      if (opts[key] !== undefined) raw[field] = opts[key];
    }
    if (positional?.file) raw[positional.field] = await readInputFile(params[0] as string | undefined);
    else if (positional) {
      const value = params[0];
      const text = Array.isArray(value) ? value.join(' ') : value;
      if (text !== undefined) raw[positional.field] = text;
    }
    const corpus = typeof opts.corpus === 'string' ? opts.corpus : undefined;
    await execute(spec, raw, { json: opts.json === true, corpus }, ctx);
  });
}

/** Longest input file read; the operation refuses less than this with its own message. */
const MAX_INPUT_BYTES = 1024 * 1024;

/** The text of the file a person named on the command line (`-` or none: stdin), bounded. */
async function readInputFile(file: string | undefined): Promise<string> {
  const { readFile, stat } = await import('node:fs/promises');
  if (file === undefined || file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > MAX_INPUT_BYTES)
        throw new Error(`stdin is over ${MAX_INPUT_BYTES / 1024} KB; pass the part that uses the SDK.`);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  const st = await stat(file).catch(() => undefined);
  if (!st?.isFile()) throw new Error(`${file} is not a readable file.`);
  if (st.size > MAX_INPUT_BYTES)
    throw new Error(
      `${file} is ${Math.round(st.size / 1024)} KB; check reads up to ${MAX_INPUT_BYTES / 1024} KB.`,
    );
  return readFile(file, 'utf8');
}

/** One command per entry of the CLI's command table. */
export function registerOperationCommands(program: Command, ctx: CliContext): void {
  for (const spec of COMMANDS) registerOperationCommand(program, spec, ctx);
}
