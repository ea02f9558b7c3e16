import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { appDirFrom } from '../src/setup/app-dir';
import { assertProductionSecrets, ensureSecrets } from '../src/setup/secrets';

/** Host, port, app keys and the public folder. Secrets are generated on first run outside production, checked in production. */
export default ({
  env,
}: {
  env: ((name: string, fallback?: string) => string) & { array: (name: string) => string[] };
}) => {
  const appDir = appDirFrom(__dirname, 1);
  ensureSecrets(appDir);
  assertProductionSecrets();
  // Strapi refuses to start without public/uploads; tests point PUBLIC_DIR at a temporary folder.
  const publicDir = resolve(appDir, env('PUBLIC_DIR', 'public'));
  mkdirSync(resolve(publicDir, 'uploads'), { recursive: true });
  return {
    dirs: { public: publicDir },
    host: env('HOST', '127.0.0.1'),
    port: Number(env('PORT', '1337')),
    url: env('PUBLIC_URL', ''),
    app: { keys: env.array('APP_KEYS') },
    logger: {
      updates: { enabled: false },
      startup: { enabled: env('STRAPI_STARTUP_LOG', 'true') !== 'false' },
    },
  };
};
