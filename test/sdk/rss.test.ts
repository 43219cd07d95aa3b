import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError, loadChangelogFeed, parseChangelogFeed } from '../../src/ingest/changelogs/rss.js';

const feedFile = fileURLToPath(new URL('../fixtures/sdk/feed.xml', import.meta.url));
const feedXml = readFileSync(feedFile, 'utf8');

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/changelog.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml);
    } else if (req.url === '/broken.xml') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>not a feed');
    } else {
      res.writeHead(404).end('nope');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('RSS changelog feed', () => {
  it('parses a feed served on loopback into platform entries, newest first', async () => {
    const { entries } = await loadChangelogFeed(`${base}/changelog.xml`);
    expect(entries.map((e) => [e.title, e.date])).toEqual([
      ['Fine-Grained Authorization', '2026-02-17'],
      ['Dashboard Search', '2026-02-06'],
      ['Undated note', undefined],
    ]);
    const fga = entries[0];
    expect(fga.package).toBe('workos-platform');
    expect(fga.version).toBe('Fine-Grained Authorization');
    expect(fga.url).toBe('https://workos.com/changelog/fine-grained-authorization');
    // HTML is reduced to text by the feed parser.
    expect(entries[1].text).toBe('Search and navigate the WorkOS dashboard with Cmd+K.');
  });

  it('reads the same feed from a file', async () => {
    const fromFile = await loadChangelogFeed(feedFile);
    expect(fromFile.entries).toEqual(await parseChangelogFeed(feedXml));
    expect(fromFile.entries).toHaveLength(3);
  });

  it('fails with a clear message on HTTP errors, non-feeds, unreachable hosts and missing files', async () => {
    await expect(loadChangelogFeed(`${base}/missing.xml`)).rejects.toThrow(/HTTP 404/);
    await expect(loadChangelogFeed(`${base}/broken.xml`)).rejects.toThrow(FeedError);
    await expect(loadChangelogFeed('http://127.0.0.1:1/feed.xml')).rejects.toThrow(
      /could not fetch changelog feed/,
    );
    await expect(loadChangelogFeed('/nonexistent/feed.xml')).rejects.toThrow(
      /could not read changelog feed file/,
    );
  });
});
