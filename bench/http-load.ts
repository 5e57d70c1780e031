import autocannon, { type Request } from 'autocannon';
import { round } from './bundles';

export interface LoadFigure {
  scenario: string;
  connections: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
  non2xx: number;
  ratioP50ToHealth?: number;
  ratioP99ToHealth?: number;
}

export interface LoadScenario {
  scenario: string;
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
  /** Per-request changes (path, method, body), for writes that must differ from each other. */
  requests?: Request[];
}

/** A bounded load on loopback: a fixed number of requests, a fixed number of connections. */
export async function measureLoad(
  scenario: LoadScenario,
  options: { connections: number; amount: number; timeoutSeconds?: number } = {
    connections: 10,
    amount: 2000,
  },
): Promise<LoadFigure> {
  const result = await autocannon({
    url: scenario.url,
    method: scenario.method ?? 'GET',
    connections: options.connections,
    amount: options.amount,
    timeout: options.timeoutSeconds ?? 10,
    headers: scenario.headers ?? {},
    ...(scenario.body ? { body: scenario.body } : {}),
    ...(scenario.requests ? { requests: scenario.requests } : {}),
  });
  return {
    scenario: scenario.scenario,
    connections: options.connections,
    requests: result.requests.total,
    p50Ms: round(result.latency.p50),
    p99Ms: round(result.latency.p99),
    requestsPerSecond: round(result.requests.average),
    non2xx: result.non2xx,
  };
}

export function relativeTo(health: LoadFigure, figure: LoadFigure): LoadFigure {
  return {
    ...figure,
    ratioP50ToHealth: round(figure.p50Ms / Math.max(health.p50Ms, 0.01)),
    ratioP99ToHealth: round(figure.p99Ms / Math.max(health.p99Ms, 0.01)),
  };
}
