import { describe, expect, it } from 'vitest';
import { ParticipationRequest } from '../../../../functions/survey/schemas';
import { RegisterRequest } from '../../../../functions/workshops/schemas';
import { shortFormErrors } from './field-messages';

const joinIds = { institutionName: 'join-institution', email: 'join-email', language: 'join-language' };

describe('shortFormErrors', () => {
  it('says "required" for empty fields and nothing for a valid form', () => {
    const body = { institutionName: ' ', email: '', language: 'de' };
    const issues = ParticipationRequest.safeParse(body).error?.issues ?? [];
    expect(shortFormErrors(issues, body, joinIds)).toEqual({
      'join-institution': { key: 'validation.required' },
      'join-email': { key: 'validation.required' },
    });
    const valid = { institutionName: 'Caritas', email: 'info@caritas.example', language: 'de' };
    expect(ParticipationRequest.safeParse(valid).success).toBe(true);
  });

  it('names a filled-in but malformed address as such, once, at its control', () => {
    const values = { name: 'Aylin', email: 'not-an-address', institution: 'Tafel', note: '' };
    const issues = RegisterRequest.safeParse({ ...values, language: 'tr' }).error?.issues ?? [];
    const ids = { name: 'workshop-name', email: 'workshop-email', institution: 'workshop-institution' };
    expect(shortFormErrors(issues, values, ids)).toEqual({
      'workshop-email': { key: 'validation.invalid_format_email' },
    });
  });
});
