// The one compiled validator of the policy schema, built on first use.
import type { ValidateFunction } from 'ajv';
import { makeValidator } from '../source/validate-schema.ts';
import { policyJsonSchema } from './json-schema.ts';

let compiled: ValidateFunction | undefined;

export const policyValidator = (): ValidateFunction => (compiled ??= makeValidator(policyJsonSchema()));
