import { render } from 'preact';
import { App } from './app';
import { applyLanguage, initialLanguage, loadTexts, setActiveLanguage } from './i18n';
import { startRouter } from './router';

/** Loads the visitor's language before the first paint, so the page never flashes in German first. */
async function start(): Promise<void> {
  const language = initialLanguage(window.location, window.navigator);
  const texts = await loadTexts(language).catch(() => undefined);
  setActiveLanguage(language);
  applyLanguage(language);
  startRouter();
  const root = document.getElementById('app');
  if (root) render(<App language={language} texts={texts} />, root);
}

void start();
