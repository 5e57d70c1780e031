import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Flags this closed network needs: no background connections that would be refused or hang. */
const quietFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * A real Chromium: Debian's `/usr/bin/chromium` where installed, otherwise the one shipped inside the
 * `@sparticuz/chromium` npm package (no download at install or run time), so browser tests never skip.
 */
export async function launchChromium(): Promise<Browser> {
  const debian = process.env.WEGWEISER_CHROMIUM ?? '/usr/bin/chromium';
  if (existsSync(debian)) {
    return chromium.launch({ executablePath: debian, args: quietFlags, headless: true });
  }
  const packaged = (await import('@sparticuz/chromium')).default;
  return chromium.launch({
    executablePath: await packaged.executablePath(),
    // `--single-process` (meant for Lambda) takes the whole browser down when a context is closed.
    args: [
      ...packaged.args.filter((flag) => !flag.startsWith('--headless') && flag !== '--single-process'),
      ...quietFlags,
    ],
    headless: true,
  });
}
