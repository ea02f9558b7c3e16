import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Core } from '@strapi/strapi';

/** The name of the read-only API token the static build reads with. */
export const buildTokenName = 'govcluster-build (read-only)';

/**
 * Makes sure the read-only API token for the static build exists and that `file` holds its access key
 * (mode 0600, git-ignored). An existing token is kept; its key is recovered from Strapi's encrypted
 * copy, or the token regenerated when that is not possible. Returns the access key.
 */
export async function ensureBuildToken(strapi: Core.Strapi, file: string): Promise<string> {
  const service = (strapi as any).admin.services['api-token-content-api'];
  let token = await service.getByName(buildTokenName, { includeDecryptedKey: true });
  let accessKey: string | undefined = token?.accessKey;
  if (!token) {
    token = await service.create({
      name: buildTokenName,
      description:
        'Used by the static build (sites/) to read published content. Created by GovCluster setup.',
      type: 'read-only',
      lifespan: null,
    });
    accessKey = token.accessKey;
  } else if (token.type !== 'read-only') {
    throw new Error(
      `the API token "${buildTokenName}" exists but is of type ${token.type}, not read-only: delete it`,
    );
  }
  if (!accessKey) accessKey = (await service.regenerate(token.id)).accessKey as string;
  const current = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (current !== accessKey) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${accessKey}\n`, { mode: 0o600 });
  }
  return accessKey as string;
}
