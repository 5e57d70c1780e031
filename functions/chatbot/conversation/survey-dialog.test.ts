import { describe, expect, it } from 'vitest';
import { invitationCodeIn, startsSurvey } from './survey-dialog';

const code = 'q1W2e3R4t5Y6u7I8o9P0aSdF';

describe('starting the survey by chat', () => {
  it.each([
    [code, code],
    [`https://wegweiser.example/survey/${code}`, code],
    [`  https://wegweiser.example/survey/${code}?lang=uk  `, code],
    [`https://wegweiser.example/survey?lang=uk#${code}`, code],
    [`https://wegweiser.example/survey#${code}`, code],
    ['1234', undefined],
    ['Wo finde ich einen Deutschkurs?', undefined],
  ])('reads the invitation code from "%s"', (text, expected) => {
    expect(invitationCodeIn(text)).toBe(expected);
  });

  it.each([
    ['Umfrage', 'de', true],
    ['Umfrage!', 'de', true],
    ['опитування', 'uk', true],
    ['survey', 'tr', true],
    [`Hier ist mein Link: https://wegweiser.example/survey/${code}`, 'de', true],
    [`Mein Link: https://wegweiser.example/survey?lang=de#${code}`, 'de', true],
    [code, 'de', true],
    // Questions about the county's online survey of 2018 are knowledge questions, not the survey.
    ['Wen hat die Online-Umfrage befragt?', 'de', false],
    ['Deutschkursangeboteinochsenfurtbitte', 'de', false],
  ] as const)('"%s" (%s) starts it: %s', (text, language, expected) => {
    expect(startsSurvey(text, language)).toBe(expected);
  });
});
