import { describe, expect, it } from 'vitest';
import {
  defaultRetention,
  expiryOf,
  RetentionSettings,
  retentionCategories,
  retentionCategoryNames,
  retentionPolicyOf,
} from './retention';

describe('the retention policy', () => {
  it('lets a county set exactly the periods it must decide, and no other', () => {
    const settable = Object.keys(RetentionSettings.shape).sort();
    const countyDecides = retentionCategoryNames.filter((name) => retentionCategories[name].countyDecides);
    expect(settable).toEqual([...countyDecides].sort());
    expect(RetentionSettings.safeParse({ chatState: 400 }).success).toBe(false);
    expect(RetentionSettings.safeParse({ contactPerson: 0 }).success).toBe(false);
  });

  it('lays a county’s choices over the defaults', () => {
    const policy = retentionPolicyOf({ contactPerson: 90 });
    expect(policy.contactPerson).toBe(90);
    expect(policy.expert).toBe(defaultRetention.expert);
    expect(retentionPolicyOf(undefined)).toEqual(defaultRetention);
  });

  it('ends an item whole days after its start, in epoch seconds', () => {
    const start = '2027-06-30T22:00:00Z';
    expect(expiryOf('contactPerson', start)).toBe(Date.parse(start) / 1000 + 183 * 86_400);
    expect(expiryOf('surveyDraft', new Date(start), retentionPolicyOf({ surveyDraft: 7 }))).toBe(
      Date.parse(start) / 1000 + 7 * 86_400,
    );
  });
});
