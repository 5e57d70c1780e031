import { z } from 'zod';
import { keys } from '../shared/store/keys';
import type { Store, StoredItem, TransactionStep } from '../shared/store/store';
import { Measure, Priority, SteeringChange, type SteeringEntity } from './schemas';
import type { SteeringRepository } from './steering';

// Items carry the table's `entity` label; parsing with the plain schema afterwards drops it (and the keys).
const PriorityItem = Priority.extend({ entity: z.literal('SteeringPriority') });
const MeasureItem = Measure.extend({ entity: z.literal('SteeringMeasure') });
/** A change's own `entity` (priority or measure) is stored as `changed`, beside the table's label. */
const ChangeItem = SteeringChange.omit({ entity: true }).extend({
  entity: z.literal('SteeringChange'),
  changed: SteeringChange.shape.entity,
});

/** The steering records in the single table (partition `STEERING`, see `keys.ts`): Query and Get only. */
export class SteeringStore implements SteeringRepository {
  constructor(private readonly store: Store) {}

  private all<S extends z.ZodType>(schema: S, prefix: string): Promise<z.output<S>[]> {
    return this.store.queryAll(schema, { partition: keys.steeringPartition(), beginsWith: prefix });
  }

  async listPriorities(): Promise<Priority[]> {
    const items = await this.all(PriorityItem, keys.steeringPriorityPrefix());
    return items.map((item) => Priority.parse(item));
  }

  async listMeasures(): Promise<Measure[]> {
    const items = await this.all(MeasureItem, keys.steeringMeasurePrefix());
    return items.map((item) => Measure.parse(item));
  }

  async getPriority(priorityId: string): Promise<Priority | undefined> {
    const item = await this.store.get(keys.steeringPriority(priorityId), PriorityItem);
    return item && Priority.parse(item);
  }

  async getMeasure(measureId: string): Promise<Measure | undefined> {
    const item = await this.store.get(keys.steeringMeasure(measureId), MeasureItem);
    return item && Measure.parse(item);
  }

  private changeStep(change: SteeringChange): TransactionStep {
    return {
      kind: 'create',
      item: {
        ...keys.steeringChange(change.entity, change.entityId, change.changedAt, change.changeId),
        ...change,
        entity: 'SteeringChange',
        changed: change.entity,
      },
    };
  }

  private async save(item: StoredItem, expectedVersion: number, change: SteeringChange): Promise<void> {
    const write: TransactionStep =
      expectedVersion === 0 ? { kind: 'create', item } : { kind: 'putVersioned', item, expectedVersion };
    await this.store.transact([write, this.changeStep(change)]);
  }

  async savePriority(priority: Priority, expectedVersion: number, change: SteeringChange): Promise<void> {
    const { version: _version, ...rest } = priority;
    await this.save(
      { ...keys.steeringPriority(priority.priorityId), entity: 'SteeringPriority', ...rest },
      expectedVersion,
      change,
    );
  }

  async saveMeasure(measure: Measure, expectedVersion: number, change: SteeringChange): Promise<void> {
    const { version: _version, ...rest } = measure;
    await this.save(
      { ...keys.steeringMeasure(measure.measureId), entity: 'SteeringMeasure', ...rest },
      expectedVersion,
      change,
    );
  }

  async deletePriority(priorityId: string, expectedVersion: number, change: SteeringChange): Promise<void> {
    await this.store.transact([
      { kind: 'deleteVersioned', key: keys.steeringPriority(priorityId), expectedVersion },
      this.changeStep(change),
    ]);
  }

  async deleteMeasure(measureId: string, expectedVersion: number, change: SteeringChange): Promise<void> {
    await this.store.transact([
      { kind: 'deleteVersioned', key: keys.steeringMeasure(measureId), expectedVersion },
      this.changeStep(change),
    ]);
  }

  async history(entity: SteeringEntity, entityId: string): Promise<SteeringChange[]> {
    const items = await this.all(ChangeItem, keys.steeringChangePrefix(entity, entityId));
    return items.map(({ changed, ...change }) => SteeringChange.parse({ ...change, entity: changed }));
  }
}
