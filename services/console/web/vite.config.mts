import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// The console's web app: built into web/dist and served by the console (services/console).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'Corridor officer console',
        short_name: 'Corridor',
        start_url: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b4f6c',
        icons: [],
      },
      workbox: {
        // The shell (HTML, JS, CSS, fonts) offline; the officer's current lists from the last answer seen,
        // except worker searches and records (names, documents): the least person data stays in the browser.
        globPatterns: ['**/*.{js,css,html,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/bff\//, /^\/auth\//, /^\/api\//, /^\/health/],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        runtimeCaching: [
          {
            urlPattern: ({ url, request }) =>
              request.method === 'GET' && (url.pathname === '/bff/me' || (url.pathname.startsWith('/bff/api/') && !url.pathname.startsWith('/bff/api/v1/workers'))),
            handler: 'NetworkFirst',
            options: { cacheName: 'corridor-lists', networkTimeoutSeconds: 4, expiration: { maxEntries: 200, maxAgeSeconds: 7 * 24 * 3600 } },
          },
        ],
      },
    }),
  ],
  build: {
    outDir: 'dist',
    manifest: true,
    emptyOutDir: true,
    target: 'es2022',
    // The first screen's budget is checked by tools/console-budget.ts after the build.
    chunkSizeWarningLimit: 400,
  },
});
