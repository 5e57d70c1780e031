import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Fills `%t:namespace.key%` in index.html with the German text from the content file, so that even the
 * page shell before the script runs (title, noscript notice) takes its words from the one source.
 */
function germanShellTexts(): Plugin {
  return {
    name: 'wegweiser-shell-texts',
    transformIndexHtml(html) {
      const german: unknown = JSON.parse(readFileSync(`${repositoryRoot}content/messages/de.json`, 'utf8'));
      return html.replace(/%t:([\w.]+)%/g, (whole, key: string) => {
        let node: unknown = german;
        for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
        if (typeof node !== 'string') throw new Error(`index.html names ${whole}, which de.json lacks`);
        return node.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
      });
    },
  };
}

/**
 * The public web front end: a single-page app built into `web/dist`, which the local server and
 * CloudFront serve (`WEGWEISER_WEB_DIST` builds elsewhere, so parallel test runs need not share one
 * output). JSX is compiled by Vite's own transformer for Preact's automatic runtime, so no
 * framework plugin is needed.
 */
export default defineConfig({
  root: webRoot,
  publicDir: 'public',
  plugins: [germanShellTexts()],
  // Web Chat's voice channel (Direct Line Speech) is not offered; see web/src/pages/chat/no-speech.ts.
  // markdown-it (Web Chat's renderer) imports Node's `punycode`; the npm package of the same code serves
  // the browser.
  resolve: {
    alias: {
      'botframework-directlinespeech-sdk': `${webRoot}src/pages/chat/no-speech.ts`,
      punycode: 'punycode/',
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // Only the Web Chat chunk (React and Web Chat, loaded on /chat alone) is bigger than Vite's default.
  build: { outDir: process.env.WEGWEISER_WEB_DIST ?? 'dist', emptyOutDir: true, chunkSizeWarningLimit: 3000 },
  server: { fs: { allow: [repositoryRoot] } },
});
