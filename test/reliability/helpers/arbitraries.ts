import fc from 'fast-check';

/** Ways to climb out of a folder, in every encoding we know of. */
export const TRAVERSALS = [
  '../../../README',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '%2e%2e/%2e%2e/etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '..%5c..%5cboot.ini',
  '%252e%252e%252f%252e%252e%252fetc%252fpasswd',
  '%25252e%25252e%25252f',
  '%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
  '%uff0e%uff0e/etc/passwd',
  '\uff0e\uff0e/\uff0e\uff0e/etc/passwd',
  '..\u2215..\u2215etc\u2215passwd',
  '....//....//etc/passwd',
  '..;/..;/etc/passwd',
  '.../.../',
  './../.././',
  '/etc/passwd',
  '/etc/passwd\0.mdx',
  'sso\0../../etc/passwd',
  '/proc/self/environ',
  '/proc/self/cmdline',
  'C:\\Windows\\win.ini',
  'C:/Windows/win.ini',
  '\\\\server\\share\\secret',
  'file:///etc/passwd',
  'file://localhost/etc/passwd',
  'FILE:///proc/self/environ',
  'https://workos.com/docs/../../../etc/passwd',
  'https://evil.example.com/docs/sso',
  'http://169.254.169.254/latest/meta-data/',
  'workos-docs://docs/../../../etc/passwd',
  'workos-docs://docs/%2e%2e/%2e%2e/etc/passwd',
  '/docs/../../package.json',
  'docs/sso/../../../../package.json',
  'sso/../../../package.json',
  'sso/%2e%2e/%2e%2e/package',
  '~/.ssh/id_rsa',
  '$HOME/.bashrc',
  '${HOME}',
  '`cat /etc/passwd`',
  '$(id)',
  'node_modules/@workos/mcp-docs-server/package.json',
  '../node_modules/.package-lock.json',
  '.git/config',
  '.env',
  'data/corpus.json',
  '../data/corpus.json',
];

export const REGEX_METACHARACTERS = [
  '.*',
  '(a+)+$',
  '(((((((((((',
  ')))',
  '[',
  '[^]',
  '\\',
  '\\\\\\',
  '^$',
  '?*+{}',
  '{1,99999}',
  'a{99999999}',
  '|||',
  '(?<=x)',
  '\\u{110000}',
  '$&$1$`',
  '*',
  '+',
  '?',
  '(?:',
  '\\p{L}',
  '/.*/gi',
];

export const UNICODE_SAMPLES = [
  '\u202eevil\u202c',
  '\u200f\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627',
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  'Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334\u0319\u0324\u031e\u0349\u035a\u032f\u031e\u0320\u034d',
  '\u{1F469}\u200d\u{1F469}\u200d\u{1F467}\u200d\u{1F466}',
  '\u{1F600}\u{1F680}\u{1F525}',
  '\0',
  'sso\0',
  '\0\0\0\0',
  '\ud800',
  '\udfff\ud800',
  '\ufeffsso',
  '\u200b\u200b\u200b',
  '\u00ad',
  '\r\n\r\n',
  '\t\v\f',
  '\u2028\u2029',
  '\x1b[31mred\x1b[0m',
  '\x07\x08',
  '\uFFFD\uFFFE\uFFFF',
  '\u{10FFFF}',
  'İıŞş',
  'ß\u1e9e',
  '\u0130stanbul',
  '日本語のドキュメント',
  '<script>alert(1)</script>',
  '"; DROP TABLE docs; --',
  '{{ "url": "x" }}',
  '```\ncode\n```',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
];

export const NASTY_NUMBERS = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  -1,
  1,
  0.5,
  -0.5,
  1.5,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER,
  2 ** 31,
  -(2 ** 31),
  2 ** 32,
  1e21,
  51,
  10_001,
];

/** A long string in one of a few shapes (repeated word, repeated traversal, random unicode). */
const longString = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'a',
        'sso ',
        '../',
        '%2e',
        '\u{1F600}',
        'e\u0301',
        '(',
        '*',
        ' ',
        '\0',
        'organization ',
      ),
      fc.integer({ min: 500, max: 200_000 }),
    )
    .map(([s, n]) => s.repeat(Math.ceil(n / s.length))),
  fc.string({ unit: 'grapheme', minLength: 200, maxLength: 2000 }),
);

/** Strings a model or an attacker might send for any text argument. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string() },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 4, arbitrary: fc.constantFrom(...TRAVERSALS) },
  { weight: 2, arbitrary: fc.constantFrom(...REGEX_METACHARACTERS) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE_SAMPLES) },
  { weight: 1, arbitrary: longString },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.constantFrom(
          ...TRAVERSALS,
          ...REGEX_METACHARACTERS,
          ...UNICODE_SAMPLES,
          'sso',
          'organization',
          ' ',
          '/',
          '#',
          '?',
        ),
        { minLength: 2, maxLength: 6 },
      )
      .map((parts) => parts.join('')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '   ',
      '\n',
      '#',
      '#/',
      '/',
      '//',
      '?',
      '.',
      '..',
      'index',
      'sso',
      'sso#',
      'sso#../../x',
      'reference',
      'node',
      'js',
      'curl',
    ),
  },
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...NASTY_NUMBERS),
  fc.double(),
  fc.integer(),
  fc.integer({ min: -5, max: 60 }),
);

/** Any JSON-ish value of any type, biased towards the nasty cases. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.nat().map(String),
      fc.constantFrom('5', ' 7 ', '1e999', '-0', '0x10', '1e3', 'NaN', 'Infinity', '3.7', '-2'),
    ),
  },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(nastyString, nastyString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

/**
 * Arguments for one tool: each known field (and each alias models invent) present or not with any
 * value, plus random extra keys. Sometimes the whole argument object is not an object at all.
 */
export function toolArguments(
  fields: string[],
  extraValues: fc.Arbitrary<unknown>[] = [],
): fc.Arbitrary<unknown> {
  const value = extraValues.length > 0 ? fc.oneof(nastyValue, ...extraValues) : nastyValue;
  const record = fc.record(Object.fromEntries(fields.map((f) => [f, value])), { requiredKeys: [] });
  const withExtras = fc
    .tuple(
      record,
      fc.dictionary(
        fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor', 'extra', '')),
        nastyValue,
        { maxKeys: 3 },
      ),
    )
    .map(([known, extra]) => ({ ...extra, ...known }));
  return fc.oneof(
    { weight: 8, arbitrary: record },
    { weight: 3, arbitrary: withExtras },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, [], 'sso', 42, true, [{ path: 'sso' }]) },
  );
}
