/**
 * What the bundles put in place of the MCP SDK's Ajv provider (scripts/bundle.ts). The SDK's server
 * module imports it at its top only to build a default validator, which our servers never use (they
 * pass server/lazy-validator.ts, and no tool asks for elicitation); Ajv, ajv-formats and their helpers
 * are ~140 KB of the stdio bundle, evaluated at every start (~12 ms CPU without the code cache). Here
 * the real provider is loaded from the installed SDK the first time a validator is constructed.
 */
import { createRequire } from 'node:module';
import type { AjvJsonSchemaValidator as RealValidator } from '@modelcontextprotocol/sdk/validation/ajv';

type RealClass = typeof RealValidator;
let real: RealClass | undefined;

function realClass(): RealClass {
  real ??= (
    createRequire(import.meta.url)('@modelcontextprotocol/sdk/validation/ajv') as {
      AjvJsonSchemaValidator: RealClass;
    }
  ).AjvJsonSchemaValidator;
  return real;
}

export class AjvJsonSchemaValidator {
  constructor(...args: ConstructorParameters<RealClass>) {
    const Real = realClass();
    // A constructor may hand back another object: callers get the SDK's own validator.
    return new Real(...args) as unknown as AjvJsonSchemaValidator;
  }
}
