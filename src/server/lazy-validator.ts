import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type {
  JsonSchemaType,
  JsonSchemaValidator,
  jsonSchemaValidator,
} from '@modelcontextprotocol/sdk/validation';

let shared: AjvJsonSchemaValidator | undefined;

/**
 * The JSON Schema validator every server instance shares, built on first use. The SDK only needs one
 * to check elicitation answers, which these read-only tools never ask for; building Ajv (compiling its
 * meta-schemas) was the costliest step of a new server and sat on the path to the first tools/list.
 */
export const lazyValidator: jsonSchemaValidator = {
  getValidator<T>(schema: JsonSchemaType): JsonSchemaValidator<T> {
    return (shared ??= new AjvJsonSchemaValidator()).getValidator<T>(schema);
  },
};
