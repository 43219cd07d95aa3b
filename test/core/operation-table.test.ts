import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { COMMANDS } from '../../src/cli/commands.js';
import { CLI_FACE } from '../../src/cli/face.js';
import { registerOperationCommands } from '../../src/cli/operation-command.js';
import { NO_CONTEXT } from '../../src/core/answer-context.js';
import { contextFor, OPERATIONS, toleranceOfSchema } from '../../src/core/operations/index.js';
import { fieldFacts } from '../../src/seams/zod-tolerant-object.js';
import { MCP_FACE, TOOL_NAMES } from '../../src/server/face.js';
import { TOOLS } from '../../src/server/tools.js';
import { fixtureRuntime } from '../fixtures/runtime.js';
import { connect } from '../server/connect.js';
import type { ZodTypeAny } from 'zod';

const SRC = join(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}
const sources = sourceFiles(SRC).map((file) => ({
  file: relative(SRC, file),
  text: readFileSync(file, 'utf8'),
}));

/** Files in src/ containing `needle` as a quoted string literal. */
function filesQuoting(needle: string): string[] {
  const quoted = new RegExp(`['"\`]${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`]`);
  return sources.filter((s) => quoted.test(s.text)).map((s) => s.file);
}

const bounded = Object.values(OPERATIONS).flatMap((op) =>
  Object.entries(op.input.shape as Record<string, ZodTypeAny>).flatMap(([field, schema]) => {
    const facts = fieldFacts(schema);
    return facts.type === 'number' ? [{ op, field, facts }] : [];
  }),
);

describe('the operation table', () => {
  it('names each operation once: the table key is the operation name', () => {
    for (const [key, op] of Object.entries(OPERATIONS)) expect(op.name).toBe(key);
  });

  it('writes each tool name and command name in one file only', () => {
    for (const name of Object.values(TOOL_NAMES))
      expect(filesQuoting(name!), name).toEqual(['server/face.ts']);
    for (const { command } of COMMANDS)
      expect(
        filesQuoting(command).filter((f) => f.startsWith('cli/')),
        command,
      ).toEqual(['cli/commands.ts']);
    // core never names a face's tool or command.
    const core = sources.filter((s) => s.file.startsWith('core/'));
    for (const name of Object.values(TOOL_NAMES))
      expect(core.filter((s) => s.text.includes(name!)).map((s) => s.file)).toEqual([]);
  });

  it('every bounded number has its range and default from the schema alone', () => {
    expect(bounded.length).toBeGreaterThanOrEqual(6);
    for (const { op, field, facts } of bounded) {
      expect(facts.min, `${op.name}.${field}`).toBeDefined();
      expect(facts.max, `${op.name}.${field}`).toBeDefined();
      expect(facts.default, `${op.name}.${field}`).toBeDefined();
      // The repair (clamping) is derived from the same schema, not a second table.
      expect(toleranceOfSchema(op.input)?.numbers[field]).toEqual({ min: facts.min, max: facts.max });
    }
  });

  it('no second copy of a limit: no clamping helper, no range table, no MAX_*_LIMIT constant outside the table', () => {
    const offenders = sources.filter(
      (s) =>
        !s.file.startsWith('core/operations/') &&
        (/\bclampInt\b/.test(s.text) ||
          /numbers:\s*\{\s*\w+:\s*\{\s*min:/.test(s.text) ||
          /\bMAX_\w*LIMIT\s*=/.test(s.text) ||
          /\.max\(MAX_\w*LIMIT\)/.test(s.text)),
    );
    expect(offenders.map((s) => s.file)).toEqual([]);
  });

  it('the CLI help and the MCP JSON Schema both show the schema range', async () => {
    const program = new Command();
    registerOperationCommands(program, { runtime: async () => fixtureRuntime(), stdout: () => {} });
    const client = await connect(fixtureRuntime());
    const { tools } = await client.listTools();
    for (const { op, field, facts } of bounded) {
      const spec = COMMANDS.find((c) => c.operation === op);
      if (spec) {
        const help = program.commands.find((c) => c.name() === spec.command)!.helpInformation();
        expect(help, `${spec.command} --${field}`).toContain(`default ${facts.default}, max ${facts.max}`);
      }
      const tool = TOOLS.find((t) => t.operation === op);
      if (tool) {
        const listed = tools.find((t) => t.name === MCP_FACE.name(op.name))!;
        const property = (listed.inputSchema.properties as Record<string, Record<string, unknown>>)[field];
        expect(property).toMatchObject({ minimum: facts.min, maximum: facts.max, default: facts.default });
      }
    }
    await client.close();
  });

  it('faces word follow-up calls their own way', () => {
    expect(MCP_FACE.call('read', { path: 'sso', page: 2, section: undefined })).toBe(
      'workos_docs {"path":"sso","page":2}',
    );
    expect(CLI_FACE.call('read', { path: 'sso', page: 2, maxTokens: 2000 })).toBe(
      'workos-docs-mcp read sso --page 2 --max-tokens 2000',
    );
    expect(CLI_FACE.call('search', { query: 'SSO with Okta' })).toBe(
      'workos-docs-mcp search "SSO with Okta"',
    );
    expect(CLI_FACE.name('changelogs')).toBe('workos-docs-mcp changelog');
  });
});

describe('the answer context is built only for operations that use it', () => {
  it('examples, toc and info never scan a project or wait for an SDK download', async () => {
    const never = async () => {
      throw new Error('built the answer context');
    };
    for (const op of [OPERATIONS.examples, OPERATIONS.toc, OPERATIONS.info])
      expect(await contextFor(op, never)).toBe(NO_CONTEXT);
    const built = { project: [] };
    for (const op of [OPERATIONS.read, OPERATIONS.search, OPERATIONS.check, OPERATIONS.changelogs])
      expect(await contextFor(op, async () => built), op.name).toBe(built);
  });
});
