/** Users & permissions JWT, upload breakpoints for responsive images (made by sharp). */
export default ({ env }: { env: (name: string, fallback?: string) => string }) => ({
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
  upload: {
    config: {
      sizeLimit: 50 * 1024 * 1024,
      breakpoints: { large: 1200, medium: 800, small: 480 },
    },
  },
  review: { enabled: true, resolve: './src/plugins/review' },
});
