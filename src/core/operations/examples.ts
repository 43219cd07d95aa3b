import { z } from 'zod';
import { findExamples, type ExamplesAnswer } from '../examples.js';
import { formatExamples } from '../format/examples.js';
import { operationInput } from './input.js';
import { defineOperation } from './operation.js';

const input = operationInput(
  {
    query: z.string().optional().describe('e.g. "create organization"'),
    language: z.string().optional().describe('e.g. node, python, go'),
    framework: z.string().optional().describe('e.g. nextjs, react, remix'),
    limit: z.number().int().min(1).max(20).default(5).describe('Max snippets'),
  },
  // example: the old @workos/mcp-docs-server argument.
  {
    example: 'query',
    q: 'query',
    question: 'query',
    search: 'query',
    topic: 'query',
    lang: 'language',
    sdk: 'language',
    maxResults: 'limit',
  },
);

// Nested items declare their key field and pass the rest through: the schema stays small in tools/list.
const item = (key: string) => z.array(z.object({ [key]: z.string() }).passthrough());
const output = z
  .object({
    mode: z.enum(['topics', 'matches']),
    total: z.number(),
    topics: item('product'),
    examples: item('code'),
    apps: item('url'),
    reference: item('path'),
  })
  .passthrough();

export const examplesOperation = defineOperation({
  name: 'examples',
  description: () =>
    'WorkOS code examples by topic, language and framework; example apps; SDK method signatures for API questions. No arguments: list topics.',
  input,
  output,
  run: findExamples,
  markdown: formatExamples,
  structured: (answer: ExamplesAnswer) => ({
    mode: answer.mode,
    total: answer.total,
    topics: answer.topics,
    examples: answer.examples.map((e) => ({
      title: e.title,
      language: e.language,
      code: e.code,
      docPath: e.docPath,
      sectionAnchor: e.sectionAnchor,
    })),
    apps: answer.apps.map((a) => ({ title: a.title, language: a.language, url: a.url })),
    reference: answer.reference.map((r) => ({
      path: r.path,
      title: r.entry.title,
      language: r.entry.language,
      markdown: r.entry.markdown,
    })),
    notes: answer.notes.length > 0 ? answer.notes : undefined,
  }),
});
