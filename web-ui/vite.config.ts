import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The build lands where Maven packs the jar's resources: Spring Boot serves
// classpath:META-INF/resources/ at "/", so the orchestrator serves the UI with no code of its own.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    sourcemap: false, // keeps the orchestrator jar small; `npm run dev` has maps
  },
  server: {
    // `npm run dev` against a locally running orchestrator
    proxy: {
      '^/(vnfpkgm|nsd|nslcm|vnflcm|vnfind|vim|users|actuator)': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
