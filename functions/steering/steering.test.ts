import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain/errors';
import { MeasureInput, PriorityInput, UpdateMeasureRequest } from './schemas';
import {
  changedFields,
  createMeasure,
  createPriority,
  deleteMeasure,
  deletePriority,
  history,
  type SteeringDeps,
  updateMeasure,
  updatePriority,
} from './steering';
import { MemorySteering } from './testing/memory-steering';

function setup() {
  const steering = new MemorySteering();
  let clock = Date.parse('2026-10-01T08:00:00Z');
  let sequence = 0;
  const deps: SteeringDeps = {
    steering,
    now: () => {
      clock += 60_000;
      return new Date(clock);
    },
    newId: () => `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`,
  };
  return { steering, deps };
}

const priorityInput = PriorityInput.parse({
  texts: { de: { title: 'Sprache zuerst', description: 'Mehr Sprachkurse im Süden des Landkreises' } },
  justification: { needs: ['language'], gapCells: [{ need: 'language', column: 'ochsenfurt' }] },
  status: 'adopted',
});

const measureInput = (priorityId: string) =>
  MeasureInput.parse({
    texts: { de: { title: 'Abendkurs Deutsch' } },
    priorityId,
    owner: 'Bildungsbüro',
    partners: ['VHS Ochsenfurt'],
    timeframe: { from: '2027-01', to: '2027-06-30' },
  });

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('steering records', () => {
  it('records a priority with version 1 and a history item naming the member and every field set', async () => {
    const { deps } = setup();
    const priority = await createPriority(deps, priorityInput, 'member-1');
    expect(priority.version).toBe(1);
    const changes = await history(deps, 'priority', priority.priorityId);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ action: 'created', changedBy: 'member-1', version: 1 });
    expect(changes[0]?.fields).toEqual([
      'justification.findings',
      'justification.gapCells',
      'justification.needs',
      'priorityId',
      'status',
      'texts.de.description',
      'texts.de.title',
    ]);
  });

  it('keeps who changed which fields and when, one item per change, oldest first', async () => {
    const { deps } = setup();
    const priority = await createPriority(deps, priorityInput, 'member-1');
    const updated = await updatePriority(
      deps,
      priority.priorityId,
      {
        ...priorityInput,
        texts: { ...priorityInput.texts, en: { title: 'Language first', description: '' } },
        status: 'completed',
        expectedVersion: 1,
      },
      'member-2',
    );
    expect(updated.version).toBe(2);
    const changes = await history(deps, 'priority', priority.priorityId);
    expect(changes.map((change) => [change.action, change.changedBy, change.version])).toEqual([
      ['created', 'member-1', 1],
      ['updated', 'member-2', 2],
    ]);
    expect(changes[1]?.fields).toEqual(['status', 'texts.en.description', 'texts.en.title']);
    expect(Date.parse(changes[1]?.changedAt ?? '')).toBeGreaterThan(Date.parse(changes[0]?.changedAt ?? ''));
  });

  it('refuses an update based on a stale version and changes nothing', async () => {
    const { deps, steering } = setup();
    const priority = await createPriority(deps, priorityInput, 'member-1');
    await updatePriority(
      deps,
      priority.priorityId,
      { ...priorityInput, status: 'completed', expectedVersion: 1 },
      'a',
    );
    expect(
      await code(
        updatePriority(
          deps,
          priority.priorityId,
          { ...priorityInput, status: 'dropped', expectedVersion: 1 },
          'b',
        ),
      ),
    ).toBe('version_conflict');
    expect(steering.priorities.get(priority.priorityId)?.status).toBe('completed');
    expect(await history(deps, 'priority', priority.priorityId)).toHaveLength(2);
  });

  it('writes no history for an update that changes nothing', async () => {
    const { deps } = setup();
    const priority = await createPriority(deps, priorityInput, 'member-1');
    const same = await updatePriority(
      deps,
      priority.priorityId,
      { ...priorityInput, expectedVersion: 1 },
      'x',
    );
    expect(same.version).toBe(1);
    expect(await history(deps, 'priority', priority.priorityId)).toHaveLength(1);
  });

  it('refuses a measure for a priority that does not exist, naming the field', async () => {
    const { deps } = setup();
    const error = await createMeasure(deps, measureInput('00000000-0000-4000-8000-999999999999'), 'm').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fields).toEqual([{ field: 'body.priorityId', code: 'invalid_option' }]);
  });

  it('moves a measure through its states, dropping an end date left out', async () => {
    const { deps } = setup();
    const priority = await createPriority(deps, priorityInput, 'm');
    const measure = await createMeasure(deps, measureInput(priority.priorityId), 'm');
    const request = UpdateMeasureRequest.parse({
      ...measureInput(priority.priorityId),
      timeframe: { from: '2027-02' },
      status: 'in_progress',
      expectedVersion: 1,
    });
    const next = await updateMeasure(deps, measure.measureId, request, 'n');
    expect(next.timeframe).toEqual({ from: '2027-02' });
    const changes = await history(deps, 'measure', measure.measureId);
    expect(changes[1]?.fields).toEqual(['status', 'timeframe']);
  });

  it('keeps a priority that still has measures, and removes it once they are gone, history kept', async () => {
    const { deps, steering } = setup();
    const priority = await createPriority(deps, priorityInput, 'm');
    const measure = await createMeasure(deps, measureInput(priority.priorityId), 'm');
    expect(await code(deletePriority(deps, priority.priorityId, 1, 'm'))).toBe('invalid_state');
    expect(await code(deleteMeasure(deps, measure.measureId, 2, 'm'))).toBe('version_conflict');
    await deleteMeasure(deps, measure.measureId, 1, 'm');
    await deletePriority(deps, priority.priorityId, 1, 'm');
    expect(steering.priorities.size).toBe(0);
    const changes = await history(deps, 'priority', priority.priorityId);
    expect(changes.map((change) => change.action)).toEqual(['created', 'deleted']);
  });

  it('answers 404 for the history of an item never recorded', async () => {
    const { deps } = setup();
    expect(await code(history(deps, 'measure', '00000000-0000-4000-8000-000000000042'))).toBe('not_found');
  });
});

describe('changed fields', () => {
  it.each([
    [{ status: 'a' }, { status: 'b' }, ['status']],
    [
      { texts: { de: { title: 'x' } } },
      { texts: { de: { title: 'x' }, en: { title: 'y' } } },
      ['texts.en.title'],
    ],
    [{ partners: ['A', 'B'] }, { partners: ['B', 'A'] }, ['partners']],
    [{ timeframe: { from: '2027-01' } }, { timeframe: { from: '2027-01' } }, []],
  ])('between %j and %j: %j', (before, after, expected) => {
    expect(changedFields(before, after)).toEqual(expected);
  });
});
