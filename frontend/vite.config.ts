/// <reference types="vitest/config" />
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig, type HtmlTagDescriptor, type Plugin, type Rollup } from 'vite';

const backend = process.env.PILIMARKET_BACKEND ?? 'http://localhost:8080';
const proxied = ['/api', '/sandbox', '/v3', '/docs', '/actuator'];

/** Writes dist/asset-list.json (every hashed asset) so the service worker can precache lazy pages. */
function assetList(): Plugin {
  return {
    name: 'pilimarket-asset-list',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => f.startsWith('assets/'))
        .map((f) => '/' + f);
      this.emitFile({ type: 'asset', fileName: 'asset-list.json', source: JSON.stringify(files) });
    },
  };
}

/**
 * The entry script (main.tsx) only starts the first screen's request, then imports the app
 * (app/start.tsx) dynamically. Vite preloads only static imports from index.html, so this adds
 * modulepreload links for the app chunk and everything it imports: the app's code downloads in
 * parallel with the entry instead of after it.
 */
function preloadApp(): Plugin {
  return {
    name: 'pilimarket-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle ?? {};
        const chunks = Object.values(bundle).filter(
          (c): c is Rollup.OutputChunk => c.type === 'chunk',
        );
        // The entry must run as soon as it arrives: it may import only small chunks statically.
        const heavy = (ctx.chunk?.imports ?? []).filter((f) => {
          const c = bundle[f];
          return c?.type === 'chunk' && c.code.length > 10_000;
        });
        if (heavy.length) {
          throw new Error(`pilimarket-preload-app: the entry script waits for ${heavy.join(', ')}`);
        }
        const start = chunks.find((c) => c.facadeModuleId?.endsWith('/src/app/start.tsx'));
        if (!start) throw new Error('pilimarket-preload-app: no chunk for src/app/start.tsx');
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName) || fileName === ctx.chunk?.fileName) return;
          files.add(fileName);
          const chunk = bundle[fileName];
          if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
        };
        visit(start.fileName);
        const tags: HtmlTagDescriptor[] = [...files]
          .filter((f) => !html.includes(`"/${f}"`))
          .map((f) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` },
            injectTo: 'head',
          }));
        return tags;
      },
    },
  };
}

/**
 * Writes a Brotli copy (`.br`, quality 11) next to every hashed JS/CSS asset. The server sends it
 * to browsers that accept `br` (SpaConfiguration's EncodedResourceResolver) — about 15 % fewer
 * bytes than the gzip it compresses on the fly. Not listed in asset-list.json.
 */
function brotliAssets(): Plugin {
  return {
    name: 'pilimarket-brotli-assets',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const fileName of Object.keys(bundle)) {
        if (!/^assets\/.+\.(js|css)$/.test(fileName)) continue;
        const file = path.join(dir, fileName);
        const source = fs.readFileSync(file);
        const br = zlib.brotliCompressSync(source, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        });
        if (br.length < source.length) fs.writeFileSync(file + '.br', br);
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), assetList(), preloadApp(), brotliAssets()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: Object.fromEntries(proxied.map((p) => [p, { target: backend, changeOrigin: false }])),
  },
  preview: {
    proxy: Object.fromEntries(proxied.map((p) => [p, { target: backend, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Vite's preload helper on its own: the ionic group takes its dependencies along, and
            // the entry script must not wait for the ionic chunk to use the helper.
            { name: 'preload-helper', test: /vite[\\/]preload-helper/ },
            { name: 'ionic', test: /node_modules[\\/](@ionic|ionicons|@stencil)[\\/]/ },
            // Error tracking loads only when the server has a DSN, after the first screen.
            { name: 'sentry', test: /node_modules[\\/](@sentry|@sentry-internal)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
      treeshake: {
        // Ionic's per-component modules only define classes; letting unused ones drop keeps the
        // first screen small (@ionic/react otherwise pulls in every component).
        moduleSideEffects: (id: string) => !/@ionic\/core\/components\/ion-[a-z-]+\.js$/.test(id),
      },
    },
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Shared CI machines can be busy; a slow run should not fail on time alone.
    testTimeout: 20_000,
    // One jsdom and one module graph per worker, not per file: 40 s instead of 170 s on 2 cores (most
    // of the time went to building jsdom and importing Ionic again for each of the 50 files). Module
    // state that outlives a test is reset in src/testing/setup.ts.
    isolate: false,
    coverage: {
      provider: 'v8',
      reporter: ['text-summary', 'lcov'],
      reportsDirectory: './coverage',
      include: ['src/**/*.{ts,tsx}'],
      exclude: ['src/**/*.test.{ts,tsx}', 'src/testing/**', 'src/main.tsx', 'src/vite-env.d.ts'],
      thresholds: { lines: 60 },
    },
  },
});
