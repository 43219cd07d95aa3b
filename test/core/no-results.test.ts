import { describe, expect, it } from 'vitest';
import { formatSearch } from '../../src/core/format/search.js';
import { CLI_FACE } from '../../src/cli/face.js';
import { MCP_FACE } from '../../src/server/face.js';
import { searchDocs } from '../fixtures/operations.js';
import { fixtureRuntime } from '../fixtures/runtime.js';

// Issue 15 item 11: `search xyzzyplugh` printed `Try: "No docs mention: "xyzzyplugh". Check the
// spelling or use fewer words.", "Product areas: …".` — sentences quoted into one line.
describe('the answer to a search that matches nothing', () => {
  it('gives each suggestion its own line, then a search that works and the table of contents', async () => {
    const empty = await searchDocs(fixtureRuntime(), { query: 'xyzzyplugh' });
    expect(empty.results).toEqual([]);
    // The sentences the real engine suggests (src/search/searcher.ts); the CLI test sees them for real.
    const answer = {
      ...empty,
      suggestions: [
        'No docs mention: "xyzzyplugh". Check the spelling or use fewer words.',
        'Product areas: sso, mfa.',
      ],
    };
    const text = formatSearch(answer, CLI_FACE);
    const lines = text.split('\n');
    expect(lines[0]).toBe('No docs match "xyzzyplugh".');
    expect(text).not.toMatch(/Try: "/);
    expect(lines).toContain('- No docs mention: "xyzzyplugh". Check the spelling or use fewer words.');
    expect(lines.some((l) => /^- Product areas: \w/.test(l))).toBe(true);
    expect(text).toContain('`workos-docs-mcp search "create organization"`');
    expect(text).toContain('`workos-docs-mcp read` (the table of contents)');
    // The model is told the tool call instead.
    expect(formatSearch(answer, MCP_FACE)).toContain('`workos_docs {}` (the table of contents)');
  });
});
