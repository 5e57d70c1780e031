import { z } from 'zod';
import { DomainError } from '../domain/errors';
import { keys } from '../store/keys';
import type { Store } from '../store/store';
import type { SaltStore } from './limiter';

const SaltItem = z.object({ salt: z.string().min(16) });

/** The day's salt in the single table: created once (conditional write), read by every instance. */
export function tableSalts(store: Store): SaltStore {
  return {
    async daySalt(day, expiresAt, fresh) {
      const key = keys.rateLimitSalt(day);
      const existing = await store.get(key, SaltItem);
      if (existing) return existing.salt;
      try {
        await store.create({ ...key, salt: fresh, expiresAt });
        return fresh;
      } catch (error) {
        // Another instance made the day's salt between our read and our write: use theirs.
        if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
        const made = await store.get(key, SaltItem);
        if (!made) throw error;
        return made.salt;
      }
    },
  };
}
