import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { CodeExample, Example, ExampleApp } from '../corpus/types.js';
import type { ExampleAppData } from './components/example-apps.js';
import type { SectionWithNodes } from './sections.js';

const FRAMEWORKS: [RegExp, string][] = [
  [/next\.?js/i, 'nextjs'],
  [/remix/i, 'remix'],
  [/react router/i, 'react-router'],
  [/tanstack/i, 'tanstack-start'],
  [/react/i, 'react'],
  [/express/i, 'express'],
  [/sveltekit|svelte/i, 'sveltekit'],
  [/nuxt/i, 'nuxt'],
  [/vue/i, 'vue'],
  [/django/i, 'django'],
  [/flask/i, 'flask'],
  [/fastapi/i, 'fastapi'],
  [/laravel/i, 'laravel'],
  [/rails/i, 'rails'],
  [/sinatra/i, 'sinatra'],
  [/spring/i, 'spring'],
  [/astro/i, 'astro'],
  [/expo|react native/i, 'react-native'],
];

const LANGUAGES: [RegExp, string][] = [
  [/typescript|\bts\b/i, 'typescript'],
  [/node|javascript|next\.?js|express|react|remix/i, 'javascript'],
  [/python|django|flask|fastapi/i, 'python'],
  [/ruby|rails|sinatra/i, 'ruby'],
  [/\bgo\b|golang/i, 'go'],
  [/java\b|spring|kotlin/i, 'java'],
  [/php|laravel/i, 'php'],
  [/\.net|dotnet|c#|csharp/i, 'dotnet'],
  [/elixir|phoenix/i, 'elixir'],
];

export function frameworkOf(title: string): string | undefined {
  return FRAMEWORKS.find(([re]) => re.test(title))?.[1];
}

/** The language an example app is listed under, from its title or repository name. */
export function appLanguageOf(title: string, url: string): string {
  return (
    LANGUAGES.find(([re]) => re.test(title))?.[1] ??
    LANGUAGES.find(([re]) => re.test(url.replace(/[-_/]/g, ' ')))?.[1] ??
    ''
  );
}

function titleFromMeta(meta: string | null | undefined): string | undefined {
  if (!meta) return undefined;
  const quoted = /title\s*=\s*(?:"([^"]*)"|'([^']*)'|\{?`([^`]*)`\}?)/.exec(meta);
  if (quoted) return quoted[1] ?? quoted[2] ?? quoted[3];
  const bare = meta.trim();
  return bare && !bare.includes('=') ? bare : undefined;
}

/** Every fenced code block and example-app link of a doc, in reading order. */
export function extractExamples(docPath: string, docTitle: string, sections: SectionWithNodes[]): Example[] {
  const out: Example[] = [];
  for (const { section, nodes } of sections) {
    let n = 0;
    const heading = section.heading || docTitle;
    for (const node of nodes) {
      visit(node as Nodes, (child) => {
        if (child.type === 'code') {
          const title = titleFromMeta(child.meta) ?? heading;
          const example: CodeExample = {
            kind: 'code',
            id: `${docPath}#${section.anchor}:${n++}`,
            language: (child.lang ?? '').toLowerCase(),
            title,
            code: child.value,
            docPath,
            sectionAnchor: section.anchor,
            sectionHeading: section.heading,
          };
          const variant = (child.data as { variant?: string } | undefined)?.variant;
          const framework = frameworkOf(title) ?? (variant ? frameworkOf(variant) : undefined);
          if (framework) example.framework = framework;
          out.push(example);
        } else if (child.type === 'listItem') {
          const app = (child.data as { exampleApp?: ExampleAppData } | undefined)?.exampleApp;
          if (!app) return;
          const example: ExampleApp = {
            kind: 'app',
            id: `${docPath}#${section.anchor}:${n++}`,
            title: app.title,
            language: appLanguageOf(app.title, app.url),
            url: app.url,
            docPath,
            sectionAnchor: section.anchor,
          };
          out.push(example);
        }
      });
    }
  }
  return out;
}
