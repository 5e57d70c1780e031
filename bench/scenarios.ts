import type { LocalStack } from '../local/stack';
import type { LoadFigure } from './http-load';

/** Feature load scenarios, each measured after `GET /api/health` and reported as a ratio to it. */
export type Scenario = (health: LoadFigure) => Promise<LoadFigure>;

export async function loadScenarios(_stack: LocalStack): Promise<Scenario[]> {
  return [];
}
