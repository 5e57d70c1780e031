import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '../shared/domain/errors';
import { HttpProblem } from '../shared/http/problem';
import { errorFields, logger } from '../shared/log/logger';
import type { DirectLineToken } from './schemas';

/** Azure's Direct Line 3.0 service, which the cloud web chat talks to. */
export const directLineEndpoint = 'https://directline.botframework.com/v3/directline';

/** What `tokens/generate` answers (it sends more, e.g. `streamUrl`, which Web Chat does not need). */
const GeneratedToken = z.object({
  conversationId: z.string().min(1).max(1000),
  token: z.string().min(1).max(10_000),
  expires_in: z.number().int().positive(),
});

export interface DirectLineTokenDeps {
  /** The Direct Line channel's secret; `undefined` where there is none (the local stage). */
  secret: () => Promise<string | undefined>;
  fetch: typeof fetch;
  /** Random, so the token names no person; `dl_` marks ids Web Chat takes from the token only. */
  newUserId?: () => string;
  endpoint?: string;
  timeoutMs?: number;
}

/**
 * Exchanges the Direct Line secret for a token bound to one new conversation and a random user id
 * (the secret would let anyone talk as any user in any conversation; a token only in its own, for
 * about half an hour). Every failure of Secrets Manager or Direct Line is a 502 the page can retry,
 * never a 500.
 */
export async function issueDirectLineToken(deps: DirectLineTokenDeps): Promise<DirectLineToken> {
  let secret: string | undefined;
  try {
    secret = await deps.secret();
  } catch (error) {
    logger.error('direct line secret unreadable', errorFields(error));
    throw new HttpProblem('bad_gateway');
  }
  // The local stage has no Direct Line: its web chat talks to /api/messages directly.
  if (!secret) throw new DomainError('not_found', 'no Direct Line channel in this stage');

  const userId = `dl_${(deps.newUserId ?? randomUUID)()}`;
  let response: Response;
  try {
    response = await deps.fetch(`${deps.endpoint ?? directLineEndpoint}/tokens/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(deps.timeoutMs ?? 5_000),
    });
  } catch (error) {
    logger.error('direct line unreachable', errorFields(error));
    throw new HttpProblem('bad_gateway');
  }
  if (!response.ok) {
    // 401/403 mean a wrong or revoked secret: an operator's task, logged with the status only.
    logger.error('direct line refused the token request', { upstreamStatus: response.status });
    throw new HttpProblem('bad_gateway');
  }
  const parsed = GeneratedToken.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    logger.error('direct line answered an unexpected shape', { upstreamStatus: response.status });
    throw new HttpProblem('bad_gateway');
  }
  return {
    token: parsed.data.token,
    conversationId: parsed.data.conversationId,
    expiresIn: parsed.data.expires_in,
  };
}

/**
 * A secret read once per Lambda instance and kept for `ttlMs`, so a cold start costs one Secrets
 * Manager call and a rotated secret is picked up within the TTL. A failed read is not cached.
 */
export function cachedSecret(
  read: () => Promise<string | undefined>,
  ttlMs = 15 * 60_000,
  now: () => number = Date.now,
): () => Promise<string | undefined> {
  let cached: { value: Promise<string | undefined>; until: number } | undefined;
  return () => {
    if (!cached || cached.until <= now()) {
      const value = read();
      cached = { value, until: now() + ttlMs };
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return cached.value;
  };
}
