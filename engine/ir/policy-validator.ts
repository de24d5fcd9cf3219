// The policy schema validator, compiled ahead of time by `npm run schema` (see generate.ts).
import type { ValidateFunction } from 'ajv';
import validate from './policy-validator.generated.js';

export const policyValidator = (): ValidateFunction => validate;
