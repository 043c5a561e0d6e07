import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The public portal (ADR 0028): its own light build, served by the console at /portal. No service
// worker and no react-intl: the first screen must stay under 100 KB of compressed JavaScript
// (tools/console-budget.ts checks it after the build).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/portal/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist-portal', import.meta.url)),
    manifest: true,
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: fileURLToPath(new URL('./portal.html', import.meta.url)) },
  },
});
