/**
 * Validators compiled at build time, by release, loaded on demand. This module is empty in
 * the sources: the build (scripts/build.mjs) puts the generated loaders in its place in the
 * bundle, so that `kaconf lint` does not compile the schemas on every run. Without them
 * (tests, tsx), the validators are compiled on first use.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';

export const PRECOMPILED: Record<string, () => Promise<ValidateFunction>> = {};
