import { describe, expect, it } from 'vitest';
import { emptyAnswers, emptyOffering } from '../../../../functions/survey/questionnaire';
import { fieldDomId, fieldIds, fieldOrder, fieldPath } from './field-paths';

const first = '3f0c2a8e-8d51-4c1e-9a53-0c1d2e3f4a5b';
const second = '9b2d4c6e-1a3b-4c5d-8e7f-0a1b2c3d4e5f';
const answers = { ...emptyAnswers(), offerings: [emptyOffering(first, 'de'), emptyOffering(second, 'ar')] };

describe('API field paths and form controls', () => {
  it.each([
    ['answers.institution.name', 'q-institution-name'],
    ['answers.institution.places.3', 'q-institution-places'],
    ['contact.email', 'q-contact-email'],
    ['answers.offerings.0.title', `q-offering-${first}-title`],
    ['answers.offerings.1.costNote', `q-offering-${second}-costNote`],
    ['answers.offerings.1.places.0', `q-offering-${second}-places`],
    ['answers.offerings', 'q-offerings'],
    ['answers.offerings.7.title', 'q-offerings'],
    ['answers.opening.steps', 'q-opening-steps'],
    ['answers.interview.willing', 'q-interview-willing'],
    ['answers.privacy.accepted', 'q-privacy-accepted'],
    ['answers.privacy.noticeVersion', 'q-privacy-accepted'],
    ['answers.privacy.quoteConsent', 'q-privacy-quoteConsent'],
  ])('maps %s to the control %s', (path, id) => {
    expect(fieldDomId(path, answers)).toBe(id);
  });

  it('takes zod issue paths as well as dotted strings', () => {
    expect(fieldDomId(['answers', 'offerings', 1, 'url'], answers)).toBe(`q-offering-${second}-url`);
  });

  it.each(['body.version', 'answers', 'answers.institution', 'something'])(
    'has no control for %s',
    (path) => {
      expect(fieldDomId(path, answers)).toBeUndefined();
    },
  );

  it.each([
    'answers.institution.sectorOther',
    'contact.phone',
    'answers.offerings.0.description',
    'answers.offerings.1.publish',
    'answers.needs.mostHelpful',
    'answers.privacy.accepted',
    'answers.privacy.quoteConsent',
    'answers.offerings',
  ])('maps %s to a control and back', (path) => {
    const id = fieldDomId(path, answers);

    expect(id && fieldPath(id, answers)).toBe(path);
  });

  it('follows an offering when one before it is removed', () => {
    const id = fieldIds.offering(second, 'title');
    const afterRemoval = { ...answers, offerings: answers.offerings.slice(1) };

    expect(fieldPath(id, answers)).toBe('answers.offerings.1.title');
    expect(fieldPath(id, afterRemoval)).toBe('answers.offerings.0.title');
    expect(fieldPath(fieldIds.offering(first, 'title'), afterRemoval)).toBeUndefined();
  });

  it('lists the controls in the order of the page', () => {
    const order = fieldOrder(answers);

    expect(order.indexOf('q-institution-name')).toBeLessThan(order.indexOf('q-contact-email'));
    expect(order.indexOf(`q-offering-${first}-publish`)).toBeLessThan(
      order.indexOf(`q-offering-${second}-title`),
    );
    // The privacy part ends the page: the notice, then the consent to quote.
    expect(order.slice(-2)).toEqual(['q-privacy-accepted', 'q-privacy-quoteConsent']);
  });
});
