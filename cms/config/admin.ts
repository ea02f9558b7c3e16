/** The admin panel: JWT, API and transfer token salts, the encryption key; no telemetry, no update checks. */
export default ({ env }: { env: (name: string, fallback?: string) => string }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
  // Strapi's own preview panel needs a front-end server; the review plugin's 预览 renders the real page
  // (ADR 25), so the empty panel beside it is turned off.
  preview: { enabled: false },
  autoOpen: false,
  watchIgnoreFiles: ['**/.data/**', '**/tools/**'],
});
