import type { ZodObject, ZodRawShape, ZodTypeAny, z } from 'zod';
import { NO_CONTEXT, type AnswerContext } from '../answer-context.js';
import { InvalidArgumentError } from '../errors.js';
import type { Face } from '../face.js';
import type { Runtime } from '../runtime.js';

/**
 * One operation, described once. Every face is generated from this: the MCP tool (server/tools.ts adds
 * only its name, title and annotations), the CLI command (cli/commands.ts adds its command name,
 * positional argument and short flags) and the library function (src/index.ts).
 *
 * - `input` resolves everything about arguments in one place: aliases, defaults, ranges (clamped, not
 *   refused), enum case. Built with `operationInput()`; `run` receives its parsed output.
 * - `output` is the schema of `structured(answer)`: what MCP puts in structuredContent, what
 *   `--json` prints and what the library returns. It is face-neutral, so all three are identical.
 * - `markdown(answer, face)` is the text answer, worded for the face.
 * - `run` gets the answer context (the session's project and its SDK versions, built by the face) and
 *   may return a promise: an answer that needs another SDK version's surface waits for it.
 */
export interface Operation<Shape extends ZodRawShape = ZodRawShape, Answer = unknown, Structured = unknown> {
  /** Face-neutral name; faces map it to a tool or a command. */
  name: string;
  /** What it answers, for a model choosing a tool (faces may use it as the command description too). */
  description(face: Face): string;
  input: ZodObject<Shape, 'passthrough'>;
  /**
   * Whether answers depend on the project's SDK versions. Faces build the answer context (a project
   * scan, maybe an SDK download) only for these; the others get NO_CONTEXT and never wait for it.
   */
  usesProject?: boolean;
  output: ZodTypeAny;
  run(
    runtime: Runtime,
    input: z.output<ZodObject<Shape, 'passthrough'>>,
    context: AnswerContext,
  ): Answer | Promise<Answer>;
  markdown(answer: Answer, face: Face): string;
  structured(answer: Answer): Structured;
}

/** Any operation, for tables and generic faces. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = Operation<any, any, any>;

export type InputOf<O extends AnyOperation> = z.input<O['input']>;
export type ResolvedInputOf<O extends AnyOperation> = z.output<O['input']>;
export type AnswerOf<O extends AnyOperation> = Parameters<O['markdown']>[0];
export type StructuredOf<O extends AnyOperation> = ReturnType<O['structured']>;

/** Keeps the generic types of an operation literal while checking it against the interface. */
export function defineOperation<Shape extends ZodRawShape, Answer, Structured>(
  op: Operation<Shape, Answer, Structured>,
): Operation<Shape, Answer, Structured> {
  return op;
}

/**
 * Arguments from outside (CLI flags, library callers) through the operation's input schema: the same
 * repairs and defaults MCP gets from the SDK's validation. Refusals become an InvalidArgumentError.
 */
export function parseInput<O extends AnyOperation>(op: O, raw: unknown): ResolvedInputOf<O> {
  const parsed = op.input.safeParse(raw ?? {});
  if (parsed.success) return parsed.data as ResolvedInputOf<O>;
  const issue = parsed.error.issues[0];
  const field = issue.path.map(String).join('.');
  const message =
    issue.message === 'Required'
      ? `${field} is required.`
      : field && !issue.message.includes(field)
        ? `${field}: ${issue.message}`
        : issue.message;
  throw new InvalidArgumentError(field || '(input)', message);
}

/** Parse, then run: what every face does with arguments it did not validate itself. */
export async function runOperation<O extends AnyOperation>(
  op: O,
  runtime: Runtime,
  raw: unknown,
  context: AnswerContext = NO_CONTEXT,
): Promise<AnswerOf<O>> {
  return (await op.run(runtime, parseInput(op, raw), context)) as AnswerOf<O>;
}

/** The answer context an operation gets: the face's, built only when the operation uses it. */
export async function contextFor(
  op: AnyOperation,
  build: (() => Promise<AnswerContext>) | undefined,
): Promise<AnswerContext> {
  return op.usesProject && build ? build() : NO_CONTEXT;
}
