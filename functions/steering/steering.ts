import { DomainError, notFound } from '../shared/domain/errors';
import type {
  Measure,
  MeasureInput,
  Priority,
  PriorityInput,
  SteeringChange,
  SteeringEntity,
  UpdateMeasureRequest,
  UpdatePriorityRequest,
} from './schemas';

/**
 * Where the steering records live. Every write carries its history item and happens with it or not
 * at all; `expectedVersion` 0 creates (refused if the id exists), any other replaces or deletes only
 * the version the caller read (`version_conflict` otherwise).
 */
export interface SteeringRepository {
  listPriorities(): Promise<Priority[]>;
  listMeasures(): Promise<Measure[]>;
  getPriority(priorityId: string): Promise<Priority | undefined>;
  getMeasure(measureId: string): Promise<Measure | undefined>;
  savePriority(priority: Priority, expectedVersion: number, change: SteeringChange): Promise<void>;
  saveMeasure(measure: Measure, expectedVersion: number, change: SteeringChange): Promise<void>;
  deletePriority(priorityId: string, expectedVersion: number, change: SteeringChange): Promise<void>;
  deleteMeasure(measureId: string, expectedVersion: number, change: SteeringChange): Promise<void>;
  /** One item's changes, oldest first. */
  history(entity: SteeringEntity, entityId: string): Promise<SteeringChange[]>;
}

export interface SteeringDeps {
  steering: SteeringRepository;
  now: () => Date;
  newId: () => string;
}

/** Nested objects whose parts are reported as fields of their own (`texts.de.title`, `justification.needs`). */
const nested = new Set(['texts', 'justification']);

function leaves(value: unknown, prefix: string, depth: number): Map<string, string> {
  const result = new Map<string, string>();
  if (depth > 0 && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      const deeper = prefix === '' ? (nested.has(key) ? 2 : 0) : depth - 1;
      for (const [path, text] of leaves(child, prefix ? `${prefix}.${key}` : key, deeper))
        result.set(path, text);
    }
    return result;
  }
  result.set(prefix, JSON.stringify(value));
  return result;
}

/**
 * The fields that differ between two versions of an item, as paths (`status`, `texts.en.title`),
 * sorted; a text added or removed in a language counts as that language's fields.
 */
export function changedFields(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
): string[] {
  const old = leaves(before ?? {}, '', 3);
  const next = leaves(after, '', 3);
  const paths = new Set([...old.keys(), ...next.keys()]);
  return [...paths].filter((path) => old.get(path) !== next.get(path)).sort();
}

function record(
  deps: SteeringDeps,
  entity: SteeringEntity,
  entityId: string,
  action: SteeringChange['action'],
  changedBy: string,
  fields: string[],
  version: number,
  changedAt: string,
): SteeringChange {
  return { entity, entityId, changeId: deps.newId(), action, changedAt, changedBy, fields, version };
}

/** The content of an item without its stamps, for telling what changed. */
const content = ({ version: _v, createdAt: _c, updatedAt: _u, ...rest }: Priority | Measure) => rest;

export async function listPriorities(deps: SteeringDeps): Promise<Priority[]> {
  const priorities = await deps.steering.listPriorities();
  return priorities.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function listMeasures(deps: SteeringDeps): Promise<Measure[]> {
  const measures = await deps.steering.listMeasures();
  return measures.sort(
    (a, b) => a.timeframe.from.localeCompare(b.timeframe.from) || a.createdAt.localeCompare(b.createdAt),
  );
}

/**
 * Records a priority.
 * 1. Give it an id and version 1.
 * 2. Write it together with its history item (who, when, every field set).
 */
export async function createPriority(
  deps: SteeringDeps,
  input: PriorityInput,
  changedBy: string,
): Promise<Priority> {
  const now = deps.now().toISOString();
  const priority: Priority = {
    priorityId: deps.newId(),
    ...input,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const change = record(
    deps,
    'priority',
    priority.priorityId,
    'created',
    changedBy,
    changedFields(undefined, content(priority)),
    1,
    now,
  );
  await deps.steering.savePriority(priority, 0, change);
  return priority;
}

/**
 * Changes a priority.
 * 1. Read it: gone is 404, another version than the caller's is 409 (nothing is overwritten).
 * 2. Tell which fields change; nothing changed is answered with the item as it is, without history.
 * 3. Write the new version with its history item, still only over the version read.
 */
export async function updatePriority(
  deps: SteeringDeps,
  priorityId: string,
  request: UpdatePriorityRequest,
  changedBy: string,
): Promise<Priority> {
  const current = await deps.steering.getPriority(priorityId);
  if (!current) throw notFound('priority');
  if (current.version !== request.expectedVersion)
    throw new DomainError('version_conflict', 'stale priority');
  const { expectedVersion, ...input } = request;
  const now = deps.now().toISOString();
  const next: Priority = { ...current, ...input, version: expectedVersion + 1, updatedAt: now };
  const fields = changedFields(content(current), content(next));
  if (fields.length === 0) return current;
  await deps.steering.savePriority(
    next,
    expectedVersion,
    record(deps, 'priority', priorityId, 'updated', changedBy, fields, next.version, now),
  );
  return next;
}

/**
 * Removes a priority; its history stays. A priority that still has measures is kept (409): the
 * committee first moves or removes them, so no measure loses its reason.
 */
export async function deletePriority(
  deps: SteeringDeps,
  priorityId: string,
  expectedVersion: number,
  changedBy: string,
): Promise<{ removed: true }> {
  const current = await deps.steering.getPriority(priorityId);
  if (!current) throw notFound('priority');
  if (current.version !== expectedVersion) throw new DomainError('version_conflict', 'stale priority');
  const measures = await deps.steering.listMeasures();
  if (measures.some((measure) => measure.priorityId === priorityId)) {
    throw new DomainError('invalid_state', 'priority has measures');
  }
  const now = deps.now().toISOString();
  await deps.steering.deletePriority(
    priorityId,
    expectedVersion,
    record(deps, 'priority', priorityId, 'deleted', changedBy, [], expectedVersion, now),
  );
  return { removed: true };
}

async function requirePriority(deps: SteeringDeps, priorityId: string): Promise<void> {
  if (await deps.steering.getPriority(priorityId)) return;
  throw new DomainError('validation', 'unknown priority', [
    { field: 'body.priorityId', code: 'invalid_option' },
  ]);
}

/**
 * Records a measure.
 * 1. Its priority must exist (a 400 naming `priorityId` otherwise).
 * 2. Give it an id and version 1, and write it with its history item.
 */
export async function createMeasure(
  deps: SteeringDeps,
  input: MeasureInput,
  changedBy: string,
): Promise<Measure> {
  await requirePriority(deps, input.priorityId);
  const now = deps.now().toISOString();
  const measure: Measure = { measureId: deps.newId(), ...input, version: 1, createdAt: now, updatedAt: now };
  const change = record(
    deps,
    'measure',
    measure.measureId,
    'created',
    changedBy,
    changedFields(undefined, content(measure)),
    1,
    now,
  );
  await deps.steering.saveMeasure(measure, 0, change);
  return measure;
}

/** Changes a measure: the same course as `updatePriority`, and a new priority must exist. */
export async function updateMeasure(
  deps: SteeringDeps,
  measureId: string,
  request: UpdateMeasureRequest,
  changedBy: string,
): Promise<Measure> {
  const current = await deps.steering.getMeasure(measureId);
  if (!current) throw notFound('measure');
  if (current.version !== request.expectedVersion) throw new DomainError('version_conflict', 'stale measure');
  const { expectedVersion, ...input } = request;
  if (input.priorityId !== current.priorityId) await requirePriority(deps, input.priorityId);
  const now = deps.now().toISOString();
  const next: Measure = { ...current, ...input, version: expectedVersion + 1, updatedAt: now };
  const fields = changedFields(content(current), content(next));
  if (fields.length === 0) return current;
  await deps.steering.saveMeasure(
    next,
    expectedVersion,
    record(deps, 'measure', measureId, 'updated', changedBy, fields, next.version, now),
  );
  return next;
}

export async function deleteMeasure(
  deps: SteeringDeps,
  measureId: string,
  expectedVersion: number,
  changedBy: string,
): Promise<{ removed: true }> {
  const current = await deps.steering.getMeasure(measureId);
  if (!current) throw notFound('measure');
  if (current.version !== expectedVersion) throw new DomainError('version_conflict', 'stale measure');
  const now = deps.now().toISOString();
  await deps.steering.deleteMeasure(
    measureId,
    expectedVersion,
    record(deps, 'measure', measureId, 'deleted', changedBy, [], expectedVersion, now),
  );
  return { removed: true };
}

/** Every change of one item, oldest first; an item never recorded is 404, a deleted one keeps its history. */
export async function history(
  deps: SteeringDeps,
  entity: SteeringEntity,
  entityId: string,
): Promise<SteeringChange[]> {
  const changes = await deps.steering.history(entity, entityId);
  if (changes.length === 0) throw notFound(entity);
  return changes;
}
