import { describe, expect, it } from 'vitest';
import {
  emptyAnswers,
  emptyOffering,
  requireComplete,
  type SurveyAnswers,
} from '../../../../functions/survey/questionnaire';
import {
  addOffering,
  patchOffering,
  patchSection,
  removeOffering,
  restoreOffering,
  sameContent,
  sameDraft,
  toggleChoice,
  trimmed,
  withApplicableOnly,
} from './answers';

const offeringId = '3f0c2a8e-8d51-4c1e-9a53-0c1d2e3f4a5b';

function withEverythingAnswered(): SurveyAnswers {
  return {
    institution: {
      name: 'VHS',
      sector: 'other',
      sectorOther: 'Kultur',
      type: 'other',
      typeOther: 'Netzwerk',
      places: ['aub'],
    },
    offerings: [{ ...emptyOffering(offeringId, 'de'), cost: 'reduced', costNote: '5 Euro' }],
    opening: { status: 'started', steps: ['other', 'interpreters'], stepsOther: 'Lotsen', obstacles: '' },
    needs: { categories: [], description: '', mostHelpful: '' },
    interview: { willing: true, topics: ['health'], topicsOther: 'Pflege' },
    privacy: { accepted: true, noticeVersion: '2026-11-01' },
  };
}

describe('clearing answers to questions that no longer apply', () => {
  it.each<[string, (answers: SurveyAnswers) => SurveyAnswers, (answers: SurveyAnswers) => unknown, unknown]>([
    [
      'the other sector text when the sector is no longer "other"',
      (a) => patchSection(a, 'institution', { sector: 'education' }),
      (a) => a.institution.sectorOther,
      '',
    ],
    [
      'the other type text when the type is no longer "other"',
      (a) => patchSection(a, 'institution', { type: 'school' }),
      (a) => a.institution.typeOther,
      '',
    ],
    [
      'the opening steps when opening was not considered',
      (a) => patchSection(a, 'opening', { status: 'not_considered' }),
      (a) => [a.opening.steps, a.opening.stepsOther],
      [[], ''],
    ],
    [
      'the other step text when "other" is unticked',
      (a) => patchSection(a, 'opening', { steps: ['interpreters'] }),
      (a) => a.opening.stepsOther,
      '',
    ],
    [
      'the interview topics when not willing',
      (a) => patchSection(a, 'interview', { willing: false }),
      (a) => [a.interview.topics, a.interview.topicsOther],
      [[], ''],
    ],
    [
      'the cost note when an offering becomes free',
      (a) => patchOffering(a, offeringId, { cost: 'free' }),
      (a) => a.offerings[0]?.costNote,
      '',
    ],
  ])('empties %s', (_name, change, read, expected) => {
    const changed = change(withEverythingAnswered());

    expect(read(changed)).toEqual(expected);
  });

  it('keeps dependent answers while their question applies', () => {
    const answers = withEverythingAnswered();

    expect(withApplicableOnly(answers)).toEqual(answers);
  });

  it('lets requireComplete pass after a condition was switched off', () => {
    const answers = patchSection(
      patchSection(withEverythingAnswered(), 'opening', { status: 'not_considered' }),
      'interview',
      { willing: false },
    );
    const contact = { name: 'A', role: '', email: 'a@example.org', phone: '' };
    const complete = {
      ...answers,
      offerings: answers.offerings.map((offering) => ({
        ...offering,
        title: 'Kurs',
        description: 'Deutsch',
        category: 'language_courses' as const,
        targetGroups: ['adults' as const],
        languages: ['de' as const],
        places: ['aub'],
      })),
    };

    expect(requireComplete(complete, contact)).toEqual([]);
  });
});

describe('the privacy part', () => {
  // The patches the privacy section makes: ticking the consent to quote, then the notice and back.
  it('keeps the consent to quote when the notice is accepted or withdrawn, and the other way round', () => {
    const consented = patchSection(emptyAnswers(), 'privacy', { quoteConsent: true });
    expect(consented.privacy).toEqual({ accepted: false, quoteConsent: true });

    const accepted = patchSection(consented, 'privacy', { accepted: true, noticeVersion: '2026-11-01' });
    expect(accepted.privacy).toEqual({ accepted: true, noticeVersion: '2026-11-01', quoteConsent: true });

    const withdrawn = patchSection(accepted, 'privacy', { quoteConsent: false });
    expect(withdrawn.privacy).toEqual({ accepted: true, noticeVersion: '2026-11-01', quoteConsent: false });

    const declined = patchSection(withdrawn, 'privacy', { accepted: false, noticeVersion: undefined });
    expect(declined.privacy).toMatchObject({ accepted: false, quoteConsent: false });
  });
});

describe('offerings', () => {
  it('adds an empty offering in the given language, removes it, and restores it at its place', () => {
    const second = '9b2d4c6e-1a3b-4c5d-8e7f-0a1b2c3d4e5f';
    const two = addOffering(addOffering(emptyAnswers(), offeringId, 'ar'), second, 'de');
    expect(two.offerings.map((offering) => [offering.offeringId, offering.textLanguage])).toEqual([
      [offeringId, 'ar'],
      [second, 'de'],
    ]);

    const removed = two.offerings[0];
    const one = removeOffering(two, offeringId);
    expect(one.offerings.map((offering) => offering.offeringId)).toEqual([second]);

    if (!removed) throw new Error('fixture');
    expect(restoreOffering(one, removed, 0).offerings.map((offering) => offering.offeringId)).toEqual([
      offeringId,
      second,
    ]);
  });
});

describe('toggleChoice', () => {
  it('keeps the order of the option list whatever the order of ticking', () => {
    const options = ['a', 'b', 'c'] as const;

    expect(toggleChoice(options, toggleChoice(options, ['c'], 'a', true), 'b', true)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(toggleChoice(options, ['a', 'b', 'c'], 'b', false)).toEqual(['a', 'c']);
  });
});

describe('comparing drafts', () => {
  it('treats key order and undefined properties as the same content', () => {
    expect(sameContent({ a: 1, b: undefined, c: [1, { d: 'x' }] }, { c: [1, { d: 'x' }], a: 1 })).toBe(true);
    expect(sameContent({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });

  it('compares as the API stores: trimmed', () => {
    const contact = { name: ' Ana ', role: '', email: '', phone: '' };

    expect(trimmed(contact).name).toBe('Ana');
    expect(
      sameDraft(
        { answers: emptyAnswers(), contact },
        { answers: emptyAnswers(), contact: { ...contact, name: 'Ana' } },
      ),
    ).toBe(true);
  });
});
