/** A plan against schemas/plan.schema.json (on write by compile, on load by run). */
import type { ValidateFunction } from 'ajv';
import planSchema from '../../schemas/plan.schema.json' with { type: 'json' };
import { createAjv } from '../model/validate.js';

let validator: ValidateFunction | undefined;

/** Problems with a value as a plan, one line each (empty: valid). */
export function validatePlan(value: unknown): string[] {
  validator ??= createAjv().compile(planSchema);
  if (validator(value)) return [];
  return (validator.errors ?? []).slice(0, 20).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}
