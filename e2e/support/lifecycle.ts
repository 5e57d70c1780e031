import { afterAll, afterEach } from 'vitest';
import { closeBrowser, closeOpenedPages } from './pages';

// Every browser test file gets a fresh context per test and closes the browser at its end.
afterEach(closeOpenedPages);
afterAll(closeBrowser);
