import { DomainError } from '../../shared/domain/errors';
import type { Measure, Priority, SteeringChange, SteeringEntity } from '../schemas';
import type { SteeringRepository } from '../steering';

/** The repository's in-memory twin for unit tests: the same conflicts as the table, no I/O. */
export class MemorySteering implements SteeringRepository {
  readonly priorities = new Map<string, Priority>();
  readonly measures = new Map<string, Measure>();
  readonly changes: SteeringChange[] = [];

  private write<T extends { version: number }>(
    items: Map<string, T>,
    id: string,
    item: T,
    expectedVersion: number,
    change: SteeringChange,
  ): void {
    const current = items.get(id);
    if (expectedVersion === 0 && current) throw new DomainError('conflict', 'item exists');
    if (expectedVersion !== 0 && current?.version !== expectedVersion)
      throw new DomainError('version_conflict', 'stale version');
    items.set(id, structuredClone({ ...item, version: expectedVersion + 1 }));
    this.changes.push(structuredClone(change));
  }

  private remove<T extends { version: number }>(
    items: Map<string, T>,
    id: string,
    expectedVersion: number,
    change: SteeringChange,
  ): void {
    if (items.get(id)?.version !== expectedVersion)
      throw new DomainError('version_conflict', 'stale version');
    items.delete(id);
    this.changes.push(structuredClone(change));
  }

  async listPriorities() {
    return [...this.priorities.values()].map((item) => structuredClone(item));
  }
  async listMeasures() {
    return [...this.measures.values()].map((item) => structuredClone(item));
  }
  async getPriority(priorityId: string) {
    const item = this.priorities.get(priorityId);
    return item && structuredClone(item);
  }
  async getMeasure(measureId: string) {
    const item = this.measures.get(measureId);
    return item && structuredClone(item);
  }
  async savePriority(priority: Priority, expectedVersion: number, change: SteeringChange) {
    this.write(this.priorities, priority.priorityId, priority, expectedVersion, change);
  }
  async saveMeasure(measure: Measure, expectedVersion: number, change: SteeringChange) {
    this.write(this.measures, measure.measureId, measure, expectedVersion, change);
  }
  async deletePriority(priorityId: string, expectedVersion: number, change: SteeringChange) {
    this.remove(this.priorities, priorityId, expectedVersion, change);
  }
  async deleteMeasure(measureId: string, expectedVersion: number, change: SteeringChange) {
    this.remove(this.measures, measureId, expectedVersion, change);
  }
  async history(entity: SteeringEntity, entityId: string) {
    return this.changes
      .filter((change) => change.entity === entity && change.entityId === entityId)
      .sort((a, b) => a.changedAt.localeCompare(b.changedAt));
  }
}
