import { describe, expect, it } from 'vitest';
import type { Milestone } from '../chatbot/knowledge/knowledge-base';
import { conceptStatus, conceptStatusLines } from './concept-status';
import { MeasureInput, PriorityInput } from './schemas';
import { createMeasure, createPriority, type SteeringDeps } from './steering';
import { MemorySteering } from './testing/memory-steering';

const milestones: Milestone[] = [
  { id: 'kickoff', date: '2019-01-23', texts: { de: { title: 'Auftakt', description: '' } } },
  {
    id: 'survey',
    date: '2026-05',
    texts: {
      de: { title: 'Online-Umfrage', description: '' },
      en: { title: 'Online survey', description: '' },
    },
  },
];

async function recorded() {
  const steering = new MemorySteering();
  let sequence = 0;
  const deps: SteeringDeps = {
    steering,
    now: () => new Date(Date.UTC(2026, 9, 1, 8, sequence)),
    newId: () => `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`,
  };
  const priority = (title: string, status: string, en?: string) =>
    createPriority(
      deps,
      PriorityInput.parse({
        texts: { de: { title }, ...(en ? { en: { title: en } } : {}) },
        justification: { needs: ['language'] },
        status,
      }),
      'member-sub-1',
    );
  const adopted = await priority('Sprache zuerst', 'adopted', 'Language first');
  const proposed = await priority('Nur ein Vorschlag', 'proposed');
  const measure = (priorityId: string, title: string, status: string, from: string) =>
    createMeasure(
      deps,
      MeasureInput.parse({
        texts: { de: { title } },
        priorityId,
        owner: 'Bildungsbüro',
        timeframe: { from },
        status,
      }),
      'member-sub-1',
    );
  await measure(adopted.priorityId, 'Abendkurs', 'in_progress', '2027-03');
  await measure(adopted.priorityId, 'Kursliste', 'planned', '2027-01');
  await measure(adopted.priorityId, 'Elternabende', 'planned', '2027-02');
  await measure(proposed.priorityId, 'Geheim', 'done', '2027-01');
  return { steering, adopted };
}

describe('where the concept stands', () => {
  it('shows adopted priorities with their measures by timeframe, and counts only those', async () => {
    const { steering } = await recorded();
    const status = await conceptStatus({ milestones: async () => milestones, steering }, 'en');
    expect(status.priorities.map((priority) => priority.title)).toEqual(['Language first']);
    expect(status.priorities[0]?.measures.map((measure) => measure.title)).toEqual([
      'Kursliste',
      'Elternabende',
      'Abendkurs',
    ]);
    expect(status.priorities[0]?.measures[0]).toMatchObject({ textLanguage: 'de', fallback: true });
    expect(status.measureCounts).toEqual({ planned: 2, in_progress: 1, done: 0, dropped: 0 });
    expect(status.milestones.map((milestone) => [milestone.title, milestone.fallback])).toEqual([
      ['Auftakt', true],
      ['Online survey', false],
    ]);
    expect(status.evaluations).toEqual([]);
  });

  it('names no member anywhere in the public status', async () => {
    const { steering } = await recorded();
    const status = await conceptStatus({ milestones: async () => milestones, steering }, 'de');
    expect(JSON.stringify(status)).not.toContain('member-sub-1');
  });

  it("answers in the chat with priorities, counted measures in the reader's plural and the page link", async () => {
    const { steering } = await recorded();
    const german = conceptStatusLines(
      await conceptStatus({ milestones: async () => milestones, steering }, 'de'),
      'https://wegweiser.example',
    ).join('\n');
    expect(german).toContain('• Sprache zuerst');
    expect(german).not.toContain('Nur ein Vorschlag');
    expect(german).toContain(
      'Stand der Maßnahmen: 2 Maßnahmen geplant, 1 Maßnahme in Umsetzung, keine Maßnahme umgesetzt.',
    );
    expect(german).toContain('Mai 2026: Online-Umfrage');
    expect(german).toContain('https://wegweiser.example/concept/status?lang=de');

    const russian = conceptStatusLines(
      await conceptStatus({ milestones: async () => milestones, steering }, 'ru'),
      'https://wegweiser.example',
    ).join('\n');
    expect(russian).toContain('2 меры запланированы');
    expect(russian).toContain('1 мера выполняется');
  });

  it('says that nothing is decided yet while there are no adopted priorities', async () => {
    const status = await conceptStatus({ milestones: async () => [], steering: new MemorySteering() }, 'tr');
    expect(conceptStatusLines(status, 'https://w.example')).toEqual([
      'Yönlendirme kurulu henüz öncelik ve önlem kabul etmedi.',
      'Daha fazlası: https://w.example/concept/status?lang=tr',
    ]);
  });
});
