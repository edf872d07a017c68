// Types for the build-time generated validators (scripts/compile-validators.mjs).
import type { ErrorObject } from 'ajv';

export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
export const report2019: GeneratedValidator;
export const report2021: GeneratedValidator;
