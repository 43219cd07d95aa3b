// Issue 15 item 11: in a terminal, answers are drawn for people; piped, they stay plain Markdown.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, terminalRenderer, wantsRendering } from '../../src/cli/render.js';
import { ensureBuilt } from '../fixtures/built.js';

const run = promisify(execFile);
const ESC = '\u001b[';
const MD = [
  '# Single Sign-On',
  '',
  'Some **bold** text and `inline code`.',
  '',
  '## Callback',
  '',
  '1. **Get a Profile** `reference/sso/profile` (reference)',
  '   JavaScript: **sso.getProfile**()',
  '',
  '```ts',
  'const { profile } = await workos.sso.getProfileAndToken({ code, clientId });',
  '```',
  '',
  '```plain',
  'WORKOS_API_KEY=sk_test',
  '```',
].join('\n');

async function cli(args: string[], env: Record<string, string | undefined>) {
  const { stdout, stderr } = await run(process.execPath, [ensureBuilt(), ...args], {
    env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...env },
    timeout: 30_000,
  });
  return { stdout, stderr };
}

describe('Markdown for people at a terminal', () => {
  it('draws headings, bold (also in list items) and code without the Markdown marks', async () => {
    const out = await renderMarkdown(MD, { width: 80, color: false });
    expect(out).not.toMatch(/^#+ /m);
    expect(out).not.toContain('**');
    expect(out).not.toContain('```');
    expect(out).toMatch(/^Single Sign-On$/m);
    expect(out).toContain('Get a Profile reference/sso/profile (reference)');
    expect(out).toContain('  const { profile } = await workos.sso.getProfileAndToken({ code, clientId });');
    expect(out).not.toContain(ESC);
  });

  it('colours when colour is on, and never passes escape codes from the text through', async () => {
    const out = await renderMarkdown(`${MD}\n\nevil \u001b]0;title\u0007 text`, { width: 80, color: true });
    // chalk decides from FORCE_COLOR / the terminal; under vitest's pipes force it via the env check below.
    expect(out).not.toContain('\u001b]0;');
    expect(out).not.toContain('\u0007');
  });

  it('renders only for a terminal or FORCE_COLOR, never when told to stay raw', () => {
    expect(wantsRendering({ isTTY: true }, {})).toBe(true);
    expect(wantsRendering({ isTTY: false }, {})).toBe(false);
    expect(wantsRendering({}, {})).toBe(false);
    expect(wantsRendering({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(wantsRendering({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(true);
    expect(wantsRendering({ isTTY: false }, { FORCE_COLOR: '0' })).toBe(false);
    expect(wantsRendering({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(wantsRendering({ isTTY: true }, { WORKOS_DOCS_MCP_RAW: '1' })).toBe(false);
    expect(terminalRenderer({ isTTY: false }, {})).toBeUndefined();
    expect(terminalRenderer({ isTTY: true, columns: 120 }, {})).toBeTypeOf('function');
  });

  it('a fence language the highlighter does not know is shown plain, with nothing on stderr', async () => {
    const { stderr } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "import('./src/cli/render.ts').then(async (m) => process.stdout.write(await m.renderMarkdown('```weirdlang\\nfoo bar\\n```', { color: true })))",
      ],
      { env: { ...process.env, FORCE_COLOR: '1' }, timeout: 30_000 },
    );
    expect(stderr).toBe('');
  });
});

describe('the CLI: piped output stays Markdown, a terminal gets it drawn', () => {
  it('piped: the raw Markdown', async () => {
    const { stdout } = await cli(['read', 'sso/jit-provisioning', '--section', 'introduction'], {});
    expect(stdout.startsWith('# Just-In-Time User Provisioning\n')).toBe(true);
    expect(stdout).not.toContain(ESC);
  });

  it('FORCE_COLOR: drawn (no `#`, escape codes), and --json stays JSON', async () => {
    const { stdout } = await cli(['read', 'sso/jit-provisioning', '--section', 'introduction'], {
      FORCE_COLOR: '1',
    });
    expect(stdout).toContain(ESC);
    expect(stdout).not.toMatch(/^#+ /m);
    expect(stdout).toContain('Just-In-Time User Provisioning');
    const json = await cli(['search', 'sso', '--json'], { FORCE_COLOR: '1' });
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    const raw = await cli(['search', 'sso'], { FORCE_COLOR: '1', WORKOS_DOCS_MCP_RAW: '1' });
    expect(raw.stdout).not.toContain(ESC);
  });

  it.runIf(existsSync('/usr/bin/script'))(
    'a real pseudo-terminal (util-linux `script`) gets it drawn',
    async () => {
      const bin = ensureBuilt();
      const { stdout } = await run(
        'script',
        ['-qec', `"${process.execPath}" "${bin}" search "sso profile" -l 2`, '/dev/null'],
        // CI=… makes chalk's colour detection say "no colours" even at a terminal (supports-color).
        {
          env: {
            ...process.env,
            FORCE_COLOR: undefined,
            NO_COLOR: undefined,
            CI: undefined,
            TERM: 'xterm-256color',
          },
          timeout: 30_000,
        },
      );
      expect(stdout).toContain(ESC);
      expect(stdout).not.toContain('**');
      expect(stdout).toMatch(/Results for "sso profile"/);
    },
  );
});
