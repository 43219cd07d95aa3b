import { REFERENCE_LANGUAGES, type ReferenceLanguage } from '../corpus/types.js';
import { UnknownLanguageError } from './errors.js';

/** Names people and models use for the SDK languages of the API reference. */
const ALIASES: Record<string, ReferenceLanguage> = {
  curl: 'curl',
  http: 'curl',
  rest: 'curl',
  api: 'curl',
  shell: 'curl',
  bash: 'curl',
  sh: 'curl',
  js: 'js',
  javascript: 'js',
  node: 'js',
  nodejs: 'js',
  'node.js': 'js',
  typescript: 'js',
  ts: 'js',
  python: 'python',
  py: 'python',
  ruby: 'ruby',
  rb: 'ruby',
  rails: 'ruby',
  go: 'go',
  golang: 'go',
  java: 'java',
  kotlin: 'java',
  php: 'php',
  laravel: 'php',
  dotnet: 'dotnet',
  '.net': 'dotnet',
  'c#': 'dotnet',
  csharp: 'dotnet',
  cs: 'dotnet',
  net: 'dotnet',
};

/** Display names, for headings and messages: the same names the rendered reference uses. */
export { LANGUAGE_NAMES as LANGUAGE_LABELS } from '../corpus/reference-markdown.js';

export function normalizeLanguage(input: string): ReferenceLanguage {
  const key = input.trim().toLowerCase();
  // Own keys only: `constructor` or `__proto__` would otherwise come back as Object's members.
  const lang = Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
  if (!lang) {
    throw new UnknownLanguageError(input.slice(0, 40), [
      ...REFERENCE_LANGUAGES,
      'node',
      'typescript',
      'py',
      'golang',
      'c#',
    ]);
  }
  return lang;
}

/** Code-fence languages that belong to each SDK language, for filtering examples. */
export const FENCE_LANGUAGES: Record<ReferenceLanguage, string[]> = {
  curl: ['curl', 'bash', 'sh', 'shell', 'http'],
  js: ['js', 'javascript', 'ts', 'typescript', 'jsx', 'tsx', 'node'],
  python: ['python', 'py'],
  ruby: ['ruby', 'rb', 'erb'],
  go: ['go', 'golang'],
  java: ['java', 'kotlin', 'kt'],
  php: ['php'],
  dotnet: ['csharp', 'cs', 'c#', 'dotnet'],
};

/** Lenient variant for example filters: unknown names are matched literally instead of refused. */
export function fenceLanguagesFor(input: string): string[] {
  const key = input.trim().toLowerCase();
  const lang = Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
  return lang ? FENCE_LANGUAGES[lang] : [key];
}
