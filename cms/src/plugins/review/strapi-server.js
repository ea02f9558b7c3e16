/**
 * The server entry Strapi loads for the `review` plugin. The TypeScript sources under server/src are
 * compiled with the app (`strapi build` / `compileStrapi`) into the app's dist folder; load them from there.
 */
const path = require('node:path');

const distSrc =
  globalThis.strapi?.dirs?.dist?.src ?? path.resolve(__dirname, '..', '..', '..', 'dist', 'src');
module.exports = require(path.join(distSrc, 'plugins', 'review', 'server', 'src', 'index.js')).default;
