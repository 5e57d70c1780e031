import { describe, it } from 'vitest';
import type { Language } from '../functions/shared/i18n/languages';
import { expectNoAxeViolations, openPage, signInThroughForm, waitForLoaded } from './support/pages';

const pages: [string, Language][] = [
  ['/', 'de'],
  ['/', 'ar'],
  ['/imprint', 'de'],
  ['/privacy', 'de'],
  ['/accessibility', 'de'],
  ['/survey', 'de'],
  ['/survey#some-invitation-code', 'de'],
  ['/staff', 'de'],
  ['/dev/outbox', 'de'],
  ['/api-reference', 'de'],
  ['/no-such-page', 'de'],
];

describe('WCAG 2.1 AA (axe-core)', () => {
  it.each(pages)('finds no violations on %s (%s)', async (path, lang) => {
    const page = await openPage(path, { lang });
    await waitForLoaded(page);
    await expectNoAxeViolations(page);
  });

  it('finds no violations in the signed-in staff console', async () => {
    const page = await openPage('/staff', { lang: 'de' });
    await signInThroughForm(page, 'admin@wegweiser.local', 'wegweiser-demo');
    await page.getByTestId('staff-email').waitFor();
    await expectNoAxeViolations(page);
  });

  it('finds no violations in the sign-in form showing an error', async () => {
    const page = await openPage('/staff', { lang: 'de' });
    await signInThroughForm(page, 'admin@wegweiser.local', 'wrong');
    await page.locator('#sign-in-error').waitFor();
    await expectNoAxeViolations(page);
  });
});
