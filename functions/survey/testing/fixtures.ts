import { randomUUID } from 'node:crypto';
import { emptyAnswers, emptyOffering, privacyNoticeVersion, type SurveyAnswers } from '../questionnaire';

/** A complete response with two offerings: one consented for publication, one not. */
export function completeAnswers(): SurveyAnswers {
  const answers = emptyAnswers();
  answers.institution = {
    name: 'Volkshochschule Ochsenfurt',
    sector: 'education',
    sectorOther: '',
    type: 'adult_education',
    typeOther: '',
    places: ['ochsenfurt'],
  };
  const published = {
    ...emptyOffering(randomUUID(), 'de'),
    title: 'Deutschkurs am Abend',
    description: 'Deutsch für Erwachsene, A1 bis B1',
    category: 'language_courses' as const,
    targetGroups: ['adults' as const],
    languages: ['de' as const, 'ar' as const],
    places: ['ochsenfurt'],
    cost: 'free' as const,
    publish: true,
  };
  const unpublished = {
    ...published,
    offeringId: randomUUID(),
    title: 'Interner Sprachtreff',
    publish: false,
  };
  answers.offerings = [published, unpublished];
  answers.opening = { status: 'started', steps: ['staff_training'], stepsOther: '', obstacles: '' };
  answers.interview = { willing: true, topics: ['language_courses'], topicsOther: '' };
  answers.privacy = { accepted: true, noticeVersion: privacyNoticeVersion };
  return answers;
}
