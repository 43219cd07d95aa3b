// Every operation builds its input schema here: aliases are declared beside the shape, and the
// repairs (clamping, coercion, case) are derived from the shape's own ranges and enums.
export { tolerantObject as operationInput, toleranceOfSchema } from '../../seams/zod-tolerant-object.js';
