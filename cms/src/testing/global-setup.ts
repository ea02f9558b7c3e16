import { compileCms } from '../setup/compile';
import { appDir } from './boot-strapi';

/** Compiles the Strapi app (TypeScript → dist/) before the integration suites boot it, when it changed. */
export default async function setup(): Promise<void> {
  await compileCms(appDir);
}
