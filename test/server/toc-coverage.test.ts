import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  corpusInfo,
  DEFAULT_MAX_TOKENS,
  findDoc,
  read as readCore,
  tableOfContents,
  type Runtime,
} from '../../src/core/index.js';
import { MCP_FACE } from '../../src/server/face.js';
import { formatToc } from '../../src/core/format/doc.js';
import { realClient } from './connect.js';

// Issue 15 item 1: every doc of the real corpus is reachable from the table of contents and from
// its product area, whatever source added it (docs bundle, SDK READMEs, feeds, later kinds).
let runtime: Runtime;
let client: Client;
beforeAll(async () => ({ runtime, client } = await realClient()));
afterAll(() => client.close());

const paging = { maxTokens: DEFAULT_MAX_TOKENS, page: 1 };
/** The whole contents, or one area's, in one piece (as the resources serve them). */
const whole = (product?: string) => tableOfContents(runtime, { ...paging, product, unpaginated: true });
const read = (path: string) => readCore(runtime, { ...paging, path });

const listedPaths = (markdown: string): Set<string> =>
  new Set([...markdown.matchAll(/`([a-z0-9][^`\s]*)`/g)].map((m) => m[1]));

describe('table of contents over the real corpus', () => {
  it('lists every doc, in the whole TOC and in its own area listing', () => {
    const everything = listedPaths(formatToc(whole(), MCP_FACE));
    expect(runtime.corpus.docs.filter((d) => !everything.has(d.path)).map((d) => d.path)).toEqual([]);
    const missingFromArea = runtime.corpus.docs.filter((d) => {
      const area = whole(d.product);
      return !listedPaths(area.markdown).has(d.path);
    });
    expect(missingFromArea.map((d) => d.path)).toEqual([]);
  });

  it('lists only paths that read back', () => {
    const contents = whole();
    const dead = [...listedPaths(contents.markdown)].filter(
      (p) => !contents.areas.some((a) => a.product === p) && !runtime.docsByPath.has(p),
    );
    expect(dead).toEqual([]);
  });

  it('agrees with info on the number of product areas', () => {
    const toc = whole();
    expect(toc.areas.length).toBe(corpusInfo(runtime).products);
    expect(new Set(toc.areas.map((a) => a.product))).toEqual(
      new Set(runtime.corpus.docs.map((d) => d.product)),
    );
  });

  it('reads integrations as its contents, with every integrations page', () => {
    const answer = read('integrations');
    expect(answer.kind).toBe('toc');
    if (answer.kind !== 'toc') return;
    const all = whole('integrations');
    expect(all.areas[0].pages).toBeGreaterThanOrEqual(70);
    const pages = runtime.corpus.docs.filter((d) => d.product === 'integrations').map((d) => d.path);
    expect(pages.filter((p) => !listedPaths(all.markdown).has(p))).toEqual([]);
  });

  it('answers every area: its own page, or else the area’s contents (tool and resource)', async () => {
    for (const area of whole().areas) {
      const answer = read(area.product);
      if (runtime.docsByPath.has(area.product)) expect(answer.kind, area.product).toBe('doc');
      else expect(answer.kind === 'toc' && answer.toc.product, area.product).toBe(area.product);
      const resource = await client.readResource({ uri: `workos-docs://docs/${area.product}` });
      const text = (resource.contents[0] as { text: string }).text;
      const title = runtime.docsByPath.has(area.product)
        ? findDoc(runtime, area.product).doc.title
        : area.title;
      expect(text, area.product).toContain(title);
    }
  });
});
