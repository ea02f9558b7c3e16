import { appDir, strapiModule } from './boot-strapi';

/** Compiles the Strapi app (TypeScript → dist/) once before the integration suites boot it. */
export default async function setup(): Promise<void> {
  await strapiModule.compileStrapi({ appDir, ignoreDiagnostics: false });
}
