import { describe, expect, it } from 'vitest';
import { freshStore } from '../../../local/testing/test-store';
import { DomainError } from '../../shared/domain/errors';
import { LearningStore } from '../learning/learning-store';
import { KnowledgeStore } from './knowledge-store';

const texts = {
  title: 'Der Steuerungskreis',
  answer: 'Vier Personen steuern das Projekt.',
  questions: ['Wer steuert?'],
  keywords: [],
};
const entry = (answer: string, updatedAt: string) => ({
  entryId: 'steering-committee',
  language: 'de' as const,
  section: 'steuerungskreis',
  links: [],
  texts: { ...texts, answer },
  updatedAt,
});

async function expectCode(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((error) => error instanceof DomainError && error.code === code);
}

describe('KnowledgeStore against DynamoDB Local', () => {
  it('saves overrides with optimistic locking and a new revision on every write', async () => {
    const knowledge = new KnowledgeStore(await freshStore());
    expect(await knowledge.revision()).toBeUndefined();

    expect(
      await knowledge.saveEntry(entry('Erste Fassung.', '2026-11-01T00:00:00Z'), 0, 'staff-1', 'r1'),
    ).toBe(1);
    expect(await knowledge.revision()).toBe('r1');
    // A second editor who also started from the seeded text (version 0) loses, and learns so.
    await expectCode(
      knowledge.saveEntry(entry('Andere Fassung.', '2026-11-01T00:01:00Z'), 0, 'staff-2', 'r2'),
      'version_conflict',
    );
    expect(
      await knowledge.saveEntry(entry('Zweite Fassung.', '2026-11-01T00:02:00Z'), 1, 'staff-1', 'r3'),
    ).toBe(2);
    await expectCode(
      knowledge.saveEntry(entry('Veraltet.', '2026-11-01T00:03:00Z'), 1, 'staff-2', 'r4'),
      'version_conflict',
    );
    expect(await knowledge.revision()).toBe('r3');

    await knowledge.saveMilestone(
      'first-version',
      { id: 'first-version', date: '2026-10', texts: { de: { title: 'Erste Fassung', description: '' } } },
      '2026-11-01T00:04:00Z',
      0,
      'r5',
    );
    await knowledge.saveMilestone('workshop', undefined, '2026-11-01T00:05:00Z', 0, 'r6');

    const overrides = await knowledge.overrides();
    expect(overrides.entries).toEqual([{ ...entry('Zweite Fassung.', '2026-11-01T00:02:00Z'), version: 2 }]);
    expect(overrides.milestones.map((m) => [m.milestoneId, m.milestone?.date, m.version])).toEqual([
      ['first-version', '2026-10', 1],
      ['workshop', undefined, 1],
    ]);
    expect(await knowledge.revision()).toBe('r6');
  });
});

describe('LearningStore against DynamoDB Local', () => {
  it('adds ratings up per subject, day and language', async () => {
    const learning = new LearningStore(await freshStore());
    const rating = { subject: 'workshop', language: 'tr' as const, day: '2026-11-25' };
    await Promise.all([
      learning.countRating({ ...rating, helpful: true }, 2_000_000_000),
      learning.countRating({ ...rating, helpful: true }, 2_000_000_000),
      learning.countRating({ ...rating, helpful: false }, 2_000_000_000),
      learning.countRating({ ...rating, language: 'de', helpful: false }, 2_000_000_000),
    ]);
    const counts = await learning.feedbackCounts();
    expect(counts).toContainEqual({ ...rating, helpful: 2, notHelpful: 1 });
    expect(counts).toContainEqual({ ...rating, language: 'de', helpful: 0, notHelpful: 1 });
  });

  it('lists kept questions newest first, hides expired ones, marks reviewed and deletes', async () => {
    let now = new Date('2026-11-25T09:00:00Z');
    const learning = new LearningStore(await freshStore(() => now));
    const question = (questionId: string, expiresAt: number) => ({
      questionId,
      text: 'Wie wird das Wetter?',
      language: 'de' as const,
      receivedAt: '2026-11-25T09:00:00Z',
      closest: [],
      reviewed: false,
      expiresAt,
    });
    const soon = Date.parse('2026-12-01T00:00:00Z') / 1000;
    const later = Date.parse('2027-02-23T00:00:00Z') / 1000;
    await learning.keepQuestion(question('000000001-aaaa', later));
    await learning.keepQuestion(question('000000002-bbbb', soon));
    await learning.keepQuestion(question('000000003-cccc', later));
    expect((await learning.questions({ limit: 10 })).items.map((q) => q.questionId)).toEqual([
      '000000003-cccc',
      '000000002-bbbb',
      '000000001-aaaa',
    ]);
    now = new Date('2026-12-02T00:00:00Z');
    expect((await learning.questions({ limit: 10 })).items.map((q) => q.questionId)).toEqual([
      '000000003-cccc',
      '000000001-aaaa',
    ]);
    await learning.markReviewed('000000001-aaaa');
    expect((await learning.question('000000001-aaaa'))?.reviewed).toBe(true);
    await expectCode(learning.markReviewed('000000009-ffff'), 'not_found');
    await learning.deleteQuestion('000000003-cccc');
    expect(await learning.question('000000003-cccc')).toBeUndefined();
  });
});
