import { describe, expect, it } from 'vitest';
import { cloudEnv } from '../../../local/testing/cloud-env';
import { parseRuntimeConfig } from '../config/env';
import { fixedOriginSecret, OriginGuard, originHeaderName } from './origin-check';
import { originGuardFor } from './origin-secret';

const current = 'c'.repeat(64);
const previous = 'p'.repeat(64);

/** A secret source whose values a test changes, counting how often the guard reads it. */
function rotatingSource(initial: string[]) {
  let values = initial;
  let reads = 0;
  return {
    source: {
      values: async () => {
        reads += 1;
        return values;
      },
    },
    rotate: (next: string[]) => {
      values = next;
    },
    reads: () => reads,
  };
}

describe('the origin check', () => {
  it('admits the value CloudFront sends and refuses a request without it or with another', async () => {
    const guard = new OriginGuard(fixedOriginSecret(current));
    expect(await guard.admits({ [originHeaderName]: current })).toBe(true);
    expect(await guard.admits({ 'X-Origin-Verify': current })).toBe(true);
    expect(await guard.admits({})).toBe(false);
    expect(await guard.admits(undefined)).toBe(false);
    expect(await guard.admits({ [originHeaderName]: '' })).toBe(false);
    expect(await guard.admits({ [originHeaderName]: current.slice(1) })).toBe(false);
    expect(await guard.admits({ [originHeaderName]: `${current}x` })).toBe(false);
  });

  it('admits the previous value while CloudFront switches over, and a new one as soon as it is sent', async () => {
    let now = 0;
    const secret = rotatingSource([current, '']);
    const guard = new OriginGuard(secret.source, { refreshAfterMs: 30_000, now: () => now });
    expect(await guard.admits({ [originHeaderName]: current })).toBe(true);
    secret.rotate(['n'.repeat(64), current]);
    now = 31_000;
    expect(await guard.admits({ [originHeaderName]: 'n'.repeat(64) })).toBe(true);
    expect(await guard.admits({ [originHeaderName]: current })).toBe(true);
    expect(await guard.admits({ [originHeaderName]: previous })).toBe(false);
  });

  it('reads the secret again at most once per interval, however many requests lack it', async () => {
    let now = 0;
    const secret = rotatingSource([current]);
    const guard = new OriginGuard(secret.source, { refreshAfterMs: 30_000, now: () => now });
    for (let request = 0; request < 100; request += 1) {
      await guard.admits({ [originHeaderName]: `guess-${request}` });
    }
    expect(secret.reads()).toBe(1);
    now = 30_000;
    await guard.admits({ [originHeaderName]: 'guess' });
    expect(secret.reads()).toBe(2);
  });

  it('is required in a cloud stage, read from Secrets Manager there, and a fixed value only locally', () => {
    const { WEGWEISER_ORIGIN_SECRET_ARN: _arn, ...withoutArn } = cloudEnv;
    expect(() => parseRuntimeConfig(withoutArn)).toThrow(/WEGWEISER_ORIGIN_SECRET_ARN/);
    expect(() => parseRuntimeConfig({ ...cloudEnv, WEGWEISER_ORIGIN_SECRET: current })).toThrow(
      /WEGWEISER_ORIGIN_SECRET/,
    );
    const cloud = parseRuntimeConfig(cloudEnv);
    expect(cloud.origin).toEqual({ kind: 'secretsManager', secretArn: cloudEnv.WEGWEISER_ORIGIN_SECRET_ARN });
    expect(originGuardFor(cloud)).toBeInstanceOf(OriginGuard);
    const local = parseRuntimeConfig({
      ...cloudEnv,
      WEGWEISER_STAGE: 'local',
      WEGWEISER_ORIGIN_SECRET_ARN: undefined,
      WEGWEISER_ORIGIN_SECRET: current,
    });
    expect(local.origin).toEqual({ kind: 'fixed', value: current });
  });
});
