/**
 * Property: whatever arguments a model invents, every tool answers with a well-formed result (content,
 * or isError with a message) or a proper JSON-RPC error, quickly, and never with anything from outside
 * the corpus (planted canary files and an env canary), a machine path or a stack trace.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuntime } from '../../src/lifecycle/load-runtime.js';
import { parseDocAddress } from '../../src/core/paths.js';
import type { Runtime } from '../../src/core/runtime.js';
import { connect } from '../server/connect.js';
import { nastyString, nastyValue, toolArguments } from './helpers/arbitraries.js';
import { canaryProbes, plantCanaryTree, type CanaryTree } from './helpers/canary.js';
import { ENV_CANARY_NAME, ENV_CANARY_VALUE, hygieneProblems } from './helpers/hygiene.js';
import { errorProblems, rawRequest, toolOutcomeProblems } from './helpers/mcp.js';
import { failureMessage, fuzzRuns, report } from './helpers/report.js';

const RUNS = fuzzRuns(300);
/** Generous on a shared 2-core CI box; a typical call takes 1-20 ms. */
const TIME_BOUND_MS = 5_000;

let tree: CanaryTree;
let runtime: Runtime;
let client: Client;
const stderr: string[] = [];

beforeAll(async () => {
  process.env[ENV_CANARY_NAME] = ENV_CANARY_VALUE;
  tree = plantCanaryTree();
  runtime = await loadRuntime({ corpusFile: tree.corpusFile });
  client = await connect(runtime, stderr);
});

afterAll(async () => {
  await client?.close();
  tree?.remove();
});

interface ToolSpec {
  name: string;
  fields: string[];
  /** Extra, tool-specific values mixed into the generic nasty ones. */
  values?: () => fc.Arbitrary<unknown>[];
  /** Checks only a successful answer can fail (e.g. everything it names is in the corpus). */
  onSuccess?: (structured: Record<string, unknown>) => string[];
}

const docPaths = () => runtime.corpus.docs.map((d) => d.path);
const inCorpus = (path: unknown) => typeof path === 'string' && (path === '' || runtime.docsByPath.has(path));

const TOOLS: ToolSpec[] = [
  {
    name: 'workos_search',
    fields: [
      'query',
      'limit',
      'product',
      'kind',
      'maxResults',
      'max_results',
      'q',
      'question',
      'search',
      'text',
      'keywords',
    ],
    values: () => [
      fc.constantFrom('sso', 'organization', 'webhooks okta saml', 'reference', 'guide', 'integration'),
    ],
    onSuccess: (s) =>
      ((s.results as { path: string }[]) ?? [])
        .filter((r) => !inCorpus(r.path))
        .map((r) => `search names a doc outside the corpus: ${r.path}`),
  },
  {
    name: 'workos_docs',
    fields: [
      'path',
      'section',
      'language',
      'maxTokens',
      'page',
      'url',
      'doc',
      'page_path',
      'slug',
      'id',
      'anchor',
      'heading',
      'lang',
      'sdk',
      'max_tokens',
    ],
    values: () => [
      fc.constantFrom(...canaryProbes(tree)),
      fc.constantFrom(...docPaths()),
      fc.tuple(fc.constantFrom(...docPaths()), nastyString).map(([p, s]) => `${p}/${s}`),
      fc.tuple(fc.constantFrom(...docPaths()), nastyString).map(([p, s]) => `${p}#${s}`),
      fc.constantFrom('node', 'python', 'curl', 'go', 'dotnet', 'js'),
    ],
    onSuccess: (s) =>
      inCorpus(s.path) ? [] : [`docs answered with a doc outside the corpus: ${String(s.path)}`],
  },
  {
    name: 'workos_examples',
    fields: [
      'query',
      'language',
      'framework',
      'limit',
      'example',
      'q',
      'question',
      'search',
      'topic',
      'lang',
      'sdk',
      'maxResults',
    ],
    values: () => [
      fc.constantFrom('create organization', 'sso', 'nextjs', 'node', 'python', 'react', 'authkit'),
    ],
    onSuccess: (s) =>
      ((s.examples as { docPath: string }[]) ?? [])
        .filter((e) => !inCorpus(e.docPath))
        .map((e) => `example from outside the corpus: ${e.docPath}`),
  },
  {
    name: 'workos_changelogs',
    fields: [
      'package',
      'since',
      'query',
      'limit',
      'pkg',
      'packageName',
      'from',
      'after',
      'q',
      'search',
      'maxResults',
    ],
    values: () => [
      fc.constantFrom(
        'workos-platform',
        '@workos-inc/node',
        '2024-01-01',
        '2099-12-31',
        '0000-00-00',
        '1.0.0',
        'v99',
        '../../package.json',
      ),
    ],
  },
];

describe('fuzzing every tool through a real MCP client', () => {
  for (const tool of TOOLS) {
    it(`${tool.name}: ${RUNS} generated argument sets`, async () => {
      const property = fc.asyncProperty(toolArguments(tool.fields, tool.values?.() ?? []), async (args) => {
        const logged = stderr.length;
        const outcome = await rawRequest(
          client,
          'tools/call',
          { name: tool.name, arguments: args },
          TIME_BOUND_MS,
        );
        const problems = toolOutcomeProblems(outcome, args, { extraPaths: [tree.root] });
        if (outcome.kind === 'result' && outcome.result.isError !== true && tool.onSuccess) {
          problems.push(...tool.onSuccess(outcome.result.structuredContent as Record<string, unknown>));
        }
        problems.push(
          ...stderr
            .slice(logged)
            .filter((l) => / error: /.test(l))
            .map((l) => `server logged: ${l.slice(0, 300)}`),
        );
        if (problems.length > 0) throw new Error(problems.join('\n'));
      });
      const details = await fc.check(property, { numRuns: RUNS, endOnFailure: false });
      report('fuzz', `${tool.name}: ${details.numRuns} cases, ${details.failed ? 1 : 0} failures`);
      expect(details.failed, failureMessage(details)).toBe(false);
    });
  }

  it(`unknown and malformed tool names: ${RUNS} cases`, async () => {
    const property = fc.asyncProperty(fc.oneof(nastyString, nastyValue), nastyValue, async (name, args) => {
      if (typeof name === 'string' && TOOLS.some((t) => t.name === name)) return;
      const outcome = await rawRequest(client, 'tools/call', { name, arguments: args }, TIME_BOUND_MS);
      const problems = toolOutcomeProblems(outcome, [name, args], { extraPaths: [tree.root] });
      if (outcome.kind === 'result' && outcome.result.isError !== true)
        problems.push(`unknown tool ${JSON.stringify(name)} answered without isError`);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    });
    const details = await fc.check(property, { numRuns: RUNS });
    report('fuzz', `unknown tools: ${details.numRuns} cases, ${details.failed ? 1 : 0} failures`);
    expect(details.failed, failureMessage(details)).toBe(false);
  });
});

describe('fuzzing resources, prompts and completions', () => {
  const uri = () =>
    fc.oneof(
      fc
        .tuple(
          fc.constantFrom(
            'workos-docs://docs/',
            'workos-docs://',
            'workos-docs://toc',
            'workos-docs://changelog/',
            'file://',
            '',
          ),
          fc.oneof(nastyString, fc.constantFrom(...canaryProbes(tree))),
        )
        .map(([a, b]) => a + b),
      nastyValue,
    );

  it(`resources/read: ${RUNS} generated URIs`, async () => {
    const property = fc.asyncProperty(uri(), async (u) => {
      const outcome = await rawRequest(client, 'resources/read', { uri: u }, TIME_BOUND_MS);
      const problems: string[] = [];
      if (outcome.kind === 'timeout') problems.push('timeout');
      else if (outcome.kind === 'error')
        problems.push(...errorProblems(outcome, u, { extraPaths: [tree.root] }));
      else {
        const contents = (outcome.result.contents ?? []) as { uri: string; text?: string }[];
        if (contents.length === 0) problems.push('resource read without contents');
        for (const c of contents)
          problems.push(...hygieneProblems(c.text ?? '', { input: u, extraPaths: [tree.root] }));
        // Anything served must be a corpus doc, the table of contents or the changelog.
        // The uri is echoed as asked (`sso#`, `SSO/`); the doc it names is what must be in the corpus.
        const served = contents.map((c) =>
          c.uri.startsWith('workos-docs://docs/')
            ? parseDocAddress(c.uri.slice('workos-docs://docs/'.length)).path
            : c.uri,
        );
        for (const p of served)
          if (!p.startsWith('workos-docs://') && !runtime.docsByPath.has(p))
            problems.push(`served a resource outside the corpus: ${p}`);
      }
      if (problems.length > 0) throw new Error(problems.join('\n'));
    });
    const details = await fc.check(property, { numRuns: RUNS });
    report('fuzz', `resources/read: ${details.numRuns} cases, ${details.failed ? 1 : 0} failures`);
    expect(details.failed, failureMessage(details)).toBe(false);
  });

  it(`prompts/get: ${RUNS} generated argument sets`, async () => {
    const names = fc.oneof(
      fc.constantFrom('add-workos-feature', 'setup-sso', 'migrate-auth-provider'),
      nastyString,
    );
    const property = fc.asyncProperty(
      names,
      toolArguments(['feature', 'framework', 'provider', 'from']),
      async (name, args) => {
        const outcome = await rawRequest(client, 'prompts/get', { name, arguments: args }, TIME_BOUND_MS);
        const problems: string[] = [];
        if (outcome.kind === 'timeout') problems.push('timeout');
        else if (outcome.kind === 'error')
          problems.push(...errorProblems(outcome, [name, args], { extraPaths: [tree.root] }));
        else
          problems.push(
            ...hygieneProblems(JSON.stringify(outcome.result), {
              input: [name, args],
              extraPaths: [tree.root],
            }),
          );
        if (problems.length > 0) throw new Error(problems.join('\n'));
      },
    );
    const details = await fc.check(property, { numRuns: RUNS });
    report('fuzz', `prompts/get: ${details.numRuns} cases, ${details.failed ? 1 : 0} failures`);
    expect(details.failed, failureMessage(details)).toBe(false);
  });

  it(`completion/complete: ${RUNS} generated requests`, async () => {
    const ref = fc.oneof(
      fc.constantFrom(
        { type: 'ref/resource', uri: 'workos-docs://docs/{+path}' },
        { type: 'ref/prompt', name: 'setup-sso' },
        { type: 'ref/prompt', name: 'add-workos-feature' },
      ),
      fc.record(
        { type: fc.constantFrom('ref/resource', 'ref/prompt', 'ref/x'), uri: nastyString, name: nastyString },
        { requiredKeys: [] },
      ),
    );
    const property = fc.asyncProperty(
      ref,
      fc.constantFrom('path', 'provider', 'feature', 'framework', 'nope'),
      nastyValue,
      async (r, argName, value) => {
        const params = { ref: r, argument: { name: argName, value } };
        const outcome = await rawRequest(client, 'completion/complete', params, TIME_BOUND_MS);
        const problems: string[] = [];
        if (outcome.kind === 'timeout') problems.push('timeout');
        else if (outcome.kind === 'error')
          problems.push(...errorProblems(outcome, params, { extraPaths: [tree.root] }));
        else {
          const values = (outcome.result.completion as { values?: unknown[] } | undefined)?.values;
          if (!Array.isArray(values)) problems.push('completion without values');
          else if (values.length > 100) problems.push(`${values.length} completion values (max 100)`);
          problems.push(
            ...hygieneProblems(JSON.stringify(outcome.result), { input: params, extraPaths: [tree.root] }),
          );
        }
        if (problems.length > 0) throw new Error(problems.join('\n'));
      },
    );
    const details = await fc.check(property, { numRuns: RUNS });
    report('fuzz', `completion/complete: ${details.numRuns} cases, ${details.failed ? 1 : 0} failures`);
    expect(details.failed, failureMessage(details)).toBe(false);
  });
});
