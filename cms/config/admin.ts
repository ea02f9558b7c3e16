/** The admin panel: JWT, API and transfer token salts, the encryption key; no telemetry, no update checks. */
export default ({ env }: { env: (name: string, fallback?: string) => string }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
  autoOpen: false,
  watchIgnoreFiles: ['**/.data/**', '**/tools/**'],
});
