/**
 * The site registry: its schema and the cross-site validation.
 * @module
 */
export { dottedPath, formatProblem, kebabCase, type Problem } from './problems.ts';
export {
  assertRegistry,
  loadRegistry,
  type Registry,
  RegistryError,
  RegistrySchema,
  reservedColumnSlugs,
  siteSchemaProblems,
  type ValidateRegistryOptions,
  validateRegistry,
} from './registry.ts';
