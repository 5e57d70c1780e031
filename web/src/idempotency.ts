import { useRef } from 'preact/hooks';
import { ApiError } from './api';

/**
 * The `Idempotency-Key` of a form's create request. It stays the same while the request may not have
 * reached the API (a network failure, so a retry must not create a second item) and is renewed once
 * the API answered, so that the next, possibly different, request is a new one.
 */
export function useIdempotencyKey() {
  const key = useRef(crypto.randomUUID());
  return {
    current: () => key.current,
    settled: (error?: unknown) => {
      if (error instanceof ApiError && error.status === 0) return;
      key.current = crypto.randomUUID();
    },
  };
}
