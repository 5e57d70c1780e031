/**
 * Stands in for `botframework-directlinespeech-sdk` in the web build (alias in web/vite.config.ts).
 * Web Chat's full bundle imports it for Direct Line Speech (voice), which Wegweiser does not offer;
 * without it the chat chunk is about 800 KB smaller (150 KB gzipped). Calling it is a programming error.
 */
export function createAdapters(): never {
  throw new Error('Direct Line Speech is not part of Wegweiser');
}
