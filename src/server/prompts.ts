import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Runtime } from '../core/runtime.js';
import { DOC_URI_PREFIX } from './resources.js';
import { completionMatches } from './completion.js';
import { perRuntime } from './per-runtime.js';
import type { ToolContext } from './tool-kit.js';
import { MCP_FACE } from './face.js';

const tool = MCP_FACE.name;

/** Frameworks WorkOS has SDKs or guides for; completion adds any the corpus tags examples with. */
const FRAMEWORKS = [
  'nextjs',
  'react',
  'remix',
  'react-router',
  'tanstack-start',
  'sveltekit',
  'vanilla-js',
  'express',
  'node',
  'python',
  'django',
  'flask',
  'fastapi',
  'ruby',
  'rails',
  'go',
  'java',
  'spring',
  'php',
  'laravel',
  'dotnet',
];
/** Last path segments of docs under a folder: `integrations/okta-saml` -> `okta-saml`. */
function slugsUnder(runtime: Runtime, folder: string): string[] {
  return runtime.corpus.docs
    .filter((d) => d.path.startsWith(`${folder}/`))
    .map((d) => d.path.slice(folder.length + 1))
    .sort();
}

function link(runtime: Runtime, path: string): GetPromptResult['messages'] {
  const doc = runtime.docsByPath.get(path);
  if (!doc) return [];
  return [
    {
      role: 'user',
      content: {
        type: 'resource_link',
        uri: `${DOC_URI_PREFIX}${doc.path}`,
        name: doc.path,
        title: doc.title,
        mimeType: 'text/markdown',
      },
    },
  ];
}

function say(text: string): GetPromptResult['messages'][number] {
  return { role: 'user', content: { type: 'text', text } };
}

/** Completion values for the prompt arguments, from the corpus. */
function vocabulary(runtime: Runtime) {
  const features = runtime.corpus.nav
    .map((a) => a.product)
    .filter((p) => p !== 'reference')
    .sort();
  const frameworks = [
    ...new Set([
      ...FRAMEWORKS,
      ...runtime.corpus.examples.flatMap((e) => (e.kind === 'code' && e.framework ? [e.framework] : [])),
    ]),
  ];
  const providers = slugsUnder(runtime, 'integrations');
  const migrations = slugsUnder(runtime, 'migrate');
  return { features, frameworks, providers, migrations };
}

export function registerPrompts(server: McpServer, ctx: ToolContext): void {
  const words = async () => {
    const runtime = await ctx.runtime;
    return perRuntime(runtime, 'prompt-vocabulary', () => vocabulary(runtime));
  };

  server.registerPrompt(
    'add-workos-feature',
    {
      title: 'Add a WorkOS feature to my app',
      description:
        'Plan and write the code to add a WorkOS product (AuthKit, SSO, Directory Sync, ...) to an app in a given framework',
      argsSchema: {
        feature: completable(
          z.string().describe('WorkOS product, e.g. authkit, sso, directory-sync'),
          async (v) => completionMatches((await words()).features, v),
        ),
        framework: completable(
          z.string().describe('Your framework, e.g. nextjs, express, django'),
          async (v) => completionMatches((await words()).frameworks, v),
        ),
      },
    },
    async ({ feature, framework }) => ({
      description: `Add WorkOS ${feature} to a ${framework} app`,
      messages: [
        say(
          [
            `Add WorkOS ${feature} to my ${framework} app.`,
            `1. Use ${tool('search')} for "${feature} ${framework} quick start" and read the best page with ${tool('read')}.`,
            `2. Use ${tool('examples')} with query "${feature}" and framework/language "${framework}" for working code.`,
            '3. Check required environment variables, redirect URIs and dashboard settings in the docs before writing code.',
            '4. Then propose the changes file by file, citing the docs paths you used.',
          ].join('\n'),
        ),
        ...link(await ctx.runtime, feature.toLowerCase()),
      ],
    }),
  );

  server.registerPrompt(
    'setup-sso',
    {
      title: 'Set up SSO with an identity provider',
      description: 'Walk through connecting an identity provider (Okta, Entra ID, Google, ...) to WorkOS SSO',
      argsSchema: {
        provider: completable(
          z.string().describe('Identity provider integration, e.g. okta-saml, entra-id-saml, google-saml'),
          async (v) => completionMatches((await words()).providers, v),
        ),
      },
    },
    async ({ provider }) => ({
      description: `Set up SSO with ${provider}`,
      messages: [
        say(
          [
            `Help me set up WorkOS Single Sign-On with ${provider}.`,
            `1. Read the integration guide with ${tool('read')} (path "integrations/${provider}"; if it does not exist, ${tool('search')} for "${provider} SSO").`,
            '2. List what the IdP admin must configure and what I configure in the WorkOS dashboard.',
            `3. Show the code to start the SSO flow and handle the callback (${tool('examples')} "SSO authorization URL").`,
            '4. End with how to test the connection.',
          ].join('\n'),
        ),
        ...link(await ctx.runtime, `integrations/${provider.toLowerCase()}`),
      ],
    }),
  );

  server.registerPrompt(
    'migrate-auth-provider',
    {
      title: 'Migrate from another auth provider',
      description: 'Plan a migration from Auth0, Cognito, Firebase, Clerk, ... to WorkOS AuthKit',
      argsSchema: {
        from: completable(
          z.string().describe('Current provider, e.g. auth0, aws-cognito, firebase'),
          async (v) => completionMatches((await words()).migrations, v),
        ),
      },
    },
    async ({ from }) => ({
      description: `Migrate from ${from} to WorkOS`,
      messages: [
        say(
          [
            `Plan my migration from ${from} to WorkOS AuthKit.`,
            `1. Read the migration guide with ${tool('read')} (path "migrate/${from}"; else ${tool('search')} "migrate from ${from}").`,
            '2. Cover exporting users and password hashes, importing them, social and SSO connections, and switching sessions.',
            `3. Give a step-by-step plan with the API calls involved (${tool('examples')} for the code) and a rollback point.`,
          ].join('\n'),
        ),
        ...link(await ctx.runtime, `migrate/${from.toLowerCase()}`),
      ],
    }),
  );
}
