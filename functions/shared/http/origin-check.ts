import { timingSafeEqual } from 'node:crypto';

/**
 * The header CloudFront adds to every request it sends to the API (its origin's custom header). API
 * Gateway's default execute-api endpoint stays reachable from the internet (CloudFront needs it as its
 * origin), so a request without the right value did not come through CloudFront and is refused.
 */
export const originHeaderName = 'x-origin-verify';

/** The accepted values: the current one and, while CloudFront's edges switch over, the previous one. */
export interface OriginSecretSource {
  values(): Promise<readonly string[]>;
}

function same(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  // Compared in constant time, so the answer's timing does not leak how much of a guess was right.
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Decides whether a request came through CloudFront. A miss re-reads the source (at most every
 * `refreshAfterMs`) before refusing, so a rotated value is accepted as soon as CloudFront sends it,
 * while a flood of requests without the header costs one read per interval at most.
 */
export class OriginGuard {
  private cached: readonly string[] | undefined;
  private readAt = 0;

  constructor(
    private readonly source: OriginSecretSource,
    private readonly options: { refreshAfterMs: number; now?: () => number } = { refreshAfterMs: 30_000 },
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async read(): Promise<readonly string[]> {
    this.cached = (await this.source.values()).filter((value) => value.length > 0);
    this.readAt = this.now();
    return this.cached;
  }

  async admits(headers: Readonly<Record<string, string | undefined>> | undefined): Promise<boolean> {
    const given = Object.entries(headers ?? {}).find(
      ([name]) => name.toLowerCase() === originHeaderName,
    )?.[1];
    if (!given) return false;
    const values = this.cached ?? (await this.read());
    if (values.some((value) => same(given, value))) return true;
    if (this.now() - this.readAt < this.options.refreshAfterMs) return false;
    return (await this.read()).some((value) => same(given, value));
  }
}

/** A fixed value: the local server, which adds the header itself as CloudFront does. */
export function fixedOriginSecret(value: string): OriginSecretSource {
  return { values: async () => [value] };
}
