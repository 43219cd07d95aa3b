import { z } from 'zod';
import { checkCode, MAX_CHECK_CHARS, type CheckResult } from '../check/index.js';
import { formatCheck } from '../format/check.js';
import type { Runtime } from '../runtime.js';
import { projectSdk, sdkWithVersion, versionNotes } from '../sdk-choice.js';
import { operationInput } from './input.js';
import { defineOperation } from './operation.js';

const input = operationInput(
  {
    code: z
      .string()
      .max(MAX_CHECK_CHARS * 2)
      .describe('Code that uses a WorkOS SDK (parsed, never run)'),
    language: z.string().optional().describe('js/ts (default), python, ruby, go, java, php, dotnet'),
    package: z.string().optional().describe('e.g. @workos-inc/node'),
    version: z.string().optional().describe('SDK version the code targets'),
  },
  { snippet: 'code', source: 'code', lang: 'language', sdk: 'package', pkg: 'package' },
);

const output = z
  .object({
    package: z.string(),
    version: z.string(),
    calls: z.array(z.object({ code: z.string(), line: z.number(), status: z.string() }).passthrough()),
  })
  .passthrough();

/** The check operation: each WorkOS SDK use in a snippet against the SDK's own declarations. */
export const checkOperation = defineOperation({
  name: 'check',
  description: () =>
    'Check code against the real WorkOS SDK: each call, import and option key is ok, unknown, bad-option or deprecated, with the closest real name. JS/TS from type declarations; other languages docs-based.',
  input,
  output,
  usesProject: true,
  // The project's version by default; an explicit `version` wins (and may need that version's surface).
  run: async (runtime, args, context) => {
    const pkg = args.package?.trim() || clientPackage(runtime);
    const choice =
      args.version?.trim() && pkg
        ? await sdkWithVersion(runtime, context, pkg, args.version)
        : projectSdk(runtime, context);
    return checkCode(runtime, args, { sdk: choice.sdk, notes: versionNotes(choice, context) });
  },
  markdown: (answer: CheckResult) => formatCheck(answer),
  structured: (answer: CheckResult) => answer,
});

/** The package with the `new WorkOS()` client: what a version without a package is about. */
function clientPackage(runtime: Runtime): string | undefined {
  return runtime.corpus.sdk?.surfaces.find((s) => s.client)?.package;
}
