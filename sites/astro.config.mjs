// @ts-check
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';

const cacheDir = process.env.GOVCLUSTER_CACHE_DIR
  ? path.resolve(process.env.GOVCLUSTER_CACHE_DIR)
  : fileURLToPath(new URL('./node_modules/.astro/', import.meta.url));
// Entries' long texts live beside the content data store (src/lib/text-store.ts); the loaders and
// the pages, which Astro runs in this process, find the file here.
process.env.GOVCLUSTER_TEXT_STORE = path.join(cacheDir, 'texts.sqlite');

/**
 * One Astro project builds every site of the cluster in every locale.
 * Routes come from the registry (see src/lib/cluster.ts), not from Astro's i18n routing:
 * locale prefixes sit under each site's basePath (docs/adr/0005-locale-urls.md).
 */
export default defineConfig({
  site: process.env.GOVCLUSTER_SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  outDir: process.env.GOVCLUSTER_OUT_DIR ?? './dist',
  // A separate cache (content data store, optimized images) per build when asked, e.g. by the benchmark.
  cacheDir,
  build: {
    format: 'directory',
    // The 7 KB stylesheet is inlined: no render-blocking request (Lighthouse performance holds at
    // 0.99–1.0 even on a busy machine); an external file scored 0.88–0.91 on some templates.
    inlineStylesheets: 'always',
    concurrency: Number(process.env.GOVCLUSTER_BUILD_CONCURRENCY ?? 4),
  },
  compressHTML: true,
  devToolbar: { enabled: false },
  image: {
    // AVIF at a lower encoder effort: most of a cold build's image time is AVIF encoding.
    service: {
      entrypoint: 'astro/assets/services/sharp',
      config: { avif: { effort: 2 }, webp: { effort: 3 } },
    },
  },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
