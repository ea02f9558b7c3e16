/**
 * The demo-city generator: a deterministic snapshot of the fictional city 临江市 (云江省) at three
 * scales, for tests (`fixture`), demonstrations (`demo`) and benchmarks (`large`).
 * @module
 */
export { type DepartmentEntry, departmentCatalog, investmentBureauId } from './catalog.ts';
export {
  DemoGenerationError,
  type GenerateDemoOptions,
  type GenerateDemoResult,
  type GenerateProgress,
  generateDemoCity,
  type StaleColumn,
} from './generate.ts';
export { createRng, hashString, mulberry32, type Rng } from './prng.ts';
export { type DemoScale, type Range, type ScaleConfig, type SiteVolume, scaleConfigs } from './scales.ts';
export { type CityPlan, planCity, type TownshipPlan, type VillagePlan } from './sites.ts';
