import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** The layering (layers.json): the same table test/core/layering.test.ts checks by resolving paths. */
const { layers } = JSON.parse(readFileSync(new URL('./layers.json', import.meta.url), 'utf8'));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One no-restricted-imports block per folder: a relative import that climbs into a forbidden sibling. */
const layering = Object.entries(layers).map(([folder, rule]) => {
  const except = (rule.except ?? []).map(escape).join('|');
  return {
    files: [`${folder}/**/*.ts`, `${folder}/**/*.mjs`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?:\\.\\./)+${except ? `(?!(?:${except})$)` : ''}(?:${rule.never.join('|')})/`,
              message: `${folder} never imports ${rule.never.map((n) => `${n}/`).join(', ')}: ${rule.why} (layers.json).`,
            },
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**', 'test/fixtures/sdk-surface/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  ...layering,
);
