// Usage: node --import ./harness/conformance/register.mjs <conformance bin> ...
// @modelcontextprotocol/conformance 0.1.16 imports `globSync` from `fs`, which Node 20 lacks;
// these hooks hand it node:fs plus a small globSync (a no-op on Node >= 22, where fs has one).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
