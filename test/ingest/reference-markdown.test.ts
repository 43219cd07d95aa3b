import { describe, expect, it } from 'vitest';
import {
  fieldListMarkdown,
  inlineCode,
  operationMarkdown,
  referenceEntryMarkdown,
} from '../../src/corpus/reference-markdown.js';
import type { ReferenceEntry } from '../../src/corpus/types.js';

const entry = (over: Partial<ReferenceEntry>): ReferenceEntry => ({
  id: 'list_users',
  language: 'js',
  title: 'users.listUsers()',
  parameters: [],
  properties: [],
  returns: [],
  markdown: '',
  ...over,
});

describe('reference markdown', () => {
  it('fences inline code that contains backticks', () => {
    expect(inlineCode('a`b')).toBe('`` a`b ``');
    expect(inlineCode('List<String>')).toBe('`List<String>`');
  });

  it('indents multi-paragraph descriptions and children under their list item', () => {
    expect(
      fieldListMarkdown([
        {
          name: 'state',
          type: 'string',
          description: 'The state.\n\nUse `verified` once confirmed.',
          children: [{ name: 'x', optional: true, description: '' }],
        },
      ]),
    ).toBe('- `state` (`string`) — The state.\n\n  Use `verified` once confirmed.\n  - `x` (optional)');
  });

  it('shows the type of an anonymous return value in place of its name', () => {
    const md = referenceEntryMarkdown(
      entry({ returns: [{ name: 'anonymous', type: 'Promise<User[]>', description: 'The users.' }] }),
    );
    expect(md).toBe(
      '**Method (JavaScript):** `users.listUsers()`\n\n**Returns:**\n\n- `Promise<User[]>` — The users.',
    );
  });

  it('renders an HTTP endpoint first, then SDK methods with their top-level parameter names', () => {
    const curl = entry({
      language: 'curl',
      title: 'GET /users',
      httpMethod: 'GET',
      endpoint: '/users',
      parameters: [{ name: 'limit', type: 'number', optional: true, description: 'Page size.' }],
    });
    const go = entry({
      language: 'go',
      title: 'users.ListUsers()',
      parameters: [{ name: 'ctx', description: '' }],
    });
    const js = entry({
      parameters: [
        { name: 'options', type: 'object', description: '', children: [{ name: 'limit', description: '' }] },
      ],
    });
    expect(operationMarkdown([go, curl, js])).toBe(
      [
        '**Endpoint:** `GET /users`',
        '**Parameters:**',
        '- `limit` (`number`, optional) — Page size.',
        '**SDK methods:**',
        '- JavaScript: `users.listUsers()` — parameters: `limit`\n- Go: `users.ListUsers()` — parameters: `ctx`',
      ].join('\n\n'),
    );
  });
});
