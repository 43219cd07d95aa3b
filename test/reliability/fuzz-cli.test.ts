/**
 * Property: every CLI command, given any argv, either prints an answer (exit 0) or fails with a
 * message (usage error or domain error, exit 1) — never a TypeError-style crash, never a stack trace,
 * never content from outside the corpus. Fuzzed in-process through the real commander program
 * (spawning per case would take hours), plus a handful of spawned runs of the built binary.
 */
import { CommanderError } from 'commander';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../src/core/runtime.js';
import { nastyString, TRAVERSALS } from './helpers/arbitraries.js';
import { canaryProbes, plantCanaryTree, type CanaryTree } from './helpers/canary.js';
import { ENV_CANARY_NAME, ENV_CANARY_VALUE, hygieneProblems } from './helpers/hygiene.js';
import { failureMessage, fuzzRuns, report } from './helpers/report.js';
import { requireBuiltBin, runBin } from './helpers/spawn.js';

// Every command loads the corpus per invocation; in-process we hand them one loaded runtime instead.
const shared = vi.hoisted(() => ({ runtime: undefined as Promise<unknown> | undefined, file: '' }));
vi.mock('../../src/lifecycle/load-runtime.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/lifecycle/load-runtime.js')>();
  return {
    ...real,
    loadRuntime: () => {
      shared.runtime ??= real.loadRuntime({ corpusFile: shared.file });
      return shared.runtime as Promise<Runtime>;
    },
  };
});

const { buildProgram } = await import('../../src/cli/program.js');

const RUNS = fuzzRuns(300);
const TIME_BOUND_MS = 5_000;
let tree: CanaryTree;

beforeAll(async () => {
  process.env[ENV_CANARY_NAME] = ENV_CANARY_VALUE;
  tree = plantCanaryTree();
  shared.file = tree.corpusFile;
  // Load once up front so the first fuzz case is not charged the load time.
  const { loadRuntime } = await import('../../src/lifecycle/load-runtime.js');
  await loadRuntime();
});
afterAll(() => tree?.remove());

interface CliOutcome {
  exit: number;
  stdout: string;
  stderr: string;
  /** An exception that is not a usage or domain error: a bug. */
  crash?: string;
  ms: number;
}

/** Runs argv through a fresh program with stdout/stderr captured; mirrors bin.ts for errors. */
async function runInProcess(argv: string[]): Promise<CliOutcome> {
  const program = buildProgram();
  let stdout = '';
  let stderr = '';
  const output = {
    writeOut: (s: string) => void (stdout += s),
    writeErr: (s: string) => void (stderr += s),
    outputError: (s: string) => void (stderr += s),
  };
  for (const cmd of [program, ...program.commands]) cmd.exitOverride().configureOutput(output);
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const started = performance.now();
  const savedExitCode = process.exitCode;
  try {
    await program.parseAsync(['node', 'workos-docs-mcp', ...argv]);
    return { exit: 0, stdout, stderr, ms: performance.now() - started };
  } catch (err) {
    if (err instanceof CommanderError)
      return { exit: err.exitCode, stdout, stderr: stderr || err.message, ms: performance.now() - started };
    const e = err as Error;
    const crash =
      e instanceof TypeError ||
      e instanceof RangeError ||
      e instanceof ReferenceError ||
      e instanceof SyntaxError
        ? `${e.name}: ${e.message}`
        : undefined;
    return {
      exit: 1,
      stdout,
      stderr: `workos-docs-mcp: ${e?.message ?? String(err)}`,
      crash,
      ms: performance.now() - started,
    };
  } finally {
    write.mockRestore();
    process.exitCode = savedExitCode;
  }
}

const COMMANDS: Record<string, string[]> = {
  search: ['--limit', '-l', '--product', '-p', '--kind', '-k', '--json'],
  read: ['--section', '-s', '--language', '-L', '--page', '--max-tokens', '--json'],
  examples: ['--language', '-L', '--framework', '-f', '--limit', '-l', '--json'],
  changelog: ['--package', '-p', '--since', '--query', '-q', '--limit', '-l', '--json'],
  info: ['--json'],
};
const NUMBERISH = [
  '0',
  '-1',
  '1',
  '5',
  '50',
  '51',
  '1e309',
  'NaN',
  'Infinity',
  '99999999999999999999',
  '3.5',
  '0x10',
  '',
];

/** argv tokens: free words (nasty strings, traversal probes) and options with or without values. */
function argvFor(command: string): fc.Arbitrary<string[]> {
  const noNul = (s: string) => s.replace(/\0/g, '');
  const word = fc.oneof(
    nastyString.map(noNul),
    fc.constantFrom(...canaryProbes(tree).map(noNul)),
    fc.constantFrom('sso', 'organization', 'reference', 'node'),
  );
  const option = fc
    .tuple(
      fc.constantFrom(...COMMANDS[command], '--bogus', '--', '-', '--help', '-h'),
      fc.oneof(word, fc.constantFrom(...NUMBERISH)),
      fc.boolean(),
    )
    .map(([o, v, withValue]) => (withValue ? [o, v] : [o]));
  return fc
    .array(
      fc.oneof(
        word.map((w) => [w]),
        option,
      ),
      { maxLength: 6 },
    )
    .map((parts) => [command, ...parts.flat()]);
}

const TAKES_VALUE = new Set(
  Object.values(COMMANDS)
    .flat()
    .filter((o) => o !== '--json'),
);

/** Whether `--json` is a flag here (not the value of an option before it, not after `--`). */
function printsJson(argv: string[]): boolean {
  if (argv.some((a) => a === '--help' || a === '-h')) return false;
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '--') return false;
    if (TAKES_VALUE.has(argv[i])) i++;
    else if (argv[i] === '--json') return true;
  }
  return false;
}

function cliProblems(out: CliOutcome, argv: string[]): string[] {
  const problems: string[] = [];
  if (out.crash) problems.push(`crashed: ${out.crash}`);
  if (out.ms > TIME_BOUND_MS) problems.push(`took ${Math.round(out.ms)} ms`);
  if (out.exit !== 0 && out.stderr.trim() === '') problems.push(`exit ${out.exit} without a message`);
  if (out.exit === 0 && out.stdout.trim() === '' && !argv.some((a) => a === '--help' || a === '-h'))
    problems.push('exit 0 without output');
  if (out.exit === 0 && printsJson(argv)) {
    try {
      JSON.parse(out.stdout);
    } catch {
      problems.push(`--json printed non-JSON: ${out.stdout.slice(0, 100)}`);
    }
  }
  // `info` tells the operator which corpus file is served; that path is the point of the command.
  const shown =
    argv[0] === 'info'
      ? (out.stdout + out.stderr).split(tree.corpusFile).join('<corpus>')
      : out.stdout + out.stderr;
  problems.push(...hygieneProblems(shown, { input: argv, extraPaths: [tree.root] }));
  return problems;
}

describe('fuzzing every CLI command in-process', () => {
  for (const command of Object.keys(COMMANDS)) {
    const runs = command === 'info' ? Math.min(RUNS, 50) : RUNS;
    it(`${command}: ${runs} generated argvs`, async () => {
      const property = fc.asyncProperty(argvFor(command), async (argv) => {
        const problems = cliProblems(await runInProcess(argv), argv);
        if (problems.length > 0) throw new Error(problems.join('\n'));
      });
      const details = await fc.check(property, { numRuns: runs });
      report('fuzz', `cli ${command}: ${details.numRuns} cases, ${details.failed ? 1 : 0} failures`);
      expect(details.failed, failureMessage(details)).toBe(false);
    });
  }

  it('unknown commands and stray options get a usage error', async () => {
    for (const argv of [
      ['serach', 'sso'],
      ['--bogus'],
      ['read', '--bogus'],
      ['search'],
      ['info', 'extra', 'args'],
    ]) {
      const out = await runInProcess(argv);
      expect(out.exit, argv.join(' ')).not.toBe(0);
      expect(out.stderr.trim(), argv.join(' ')).not.toBe('');
      expect(out.crash).toBeUndefined();
    }
  });
});

describe('spawned CLI runs of the built binary', () => {
  beforeAll(requireBuiltBin);

  it('traversal and junk arguments: a clean answer or one clear error, nothing leaked', async () => {
    const cases = [
      ['read', '../../../README'],
      ['read', '%2e%2e%2f%2e%2e%2fpackage.json'],
      ['read', '/etc/passwd'],
      ['search', ...TRAVERSALS.slice(0, 3)],
      ['changelog', '--since', '../../../etc/passwd', '--limit', '99999'],
    ];
    const runs = await Promise.all(
      cases.map((argv) =>
        runBin(argv, { cwd: tree.cwd, env: { WORKOS_DOCS_MCP_CORPUS: tree.corpusFile }, timeoutMs: 60_000 }),
      ),
    );
    runs.forEach((run, i) => {
      const argv = cases[i];
      expect(run.signal, argv.join(' ')).toBeNull();
      expect([0, 1], argv.join(' ')).toContain(run.code);
      if (run.code !== 0) expect(run.stderr.trim(), argv.join(' ')).not.toBe('');
      expect(
        hygieneProblems(run.stdout + run.stderr, { input: argv, extraPaths: [tree.root] }),
        argv.join(' '),
      ).toEqual([]);
    });
    report('fuzz', `cli spawned: ${cases.length} runs, exit codes ${runs.map((r) => r.code).join(',')}`);
  });
});
