// A global cap on password hashes running at once (p-limit), with a bounded queue behind it.
// scrypt is deliberately costly: without a cap, a flood of sign-ins fills libuv's pool and every
// other sign-in (and file read) waits behind it; with a bounded queue, a flood is refused early.
import pLimit, { type LimitFunction } from 'p-limit';

export const HASH_QUEUE_DEFAULTS = {
  /** Hashes at once: scrypt is CPU-bound, so about the machine's cores. */
  concurrency: 2,
  /** Sign-ins waiting for a hasher; past this, refused at once ("busy, try again"). */
  maxWaiting: 16,
};

export class HashQueueFullError extends Error {
  constructor() {
    super('Too many sign-ins are being checked at once.');
    this.name = 'HashQueueFullError';
  }
}

export class HashQueue {
  private readonly limit: LimitFunction;
  private readonly maxWaiting: number;

  constructor(options: Partial<typeof HASH_QUEUE_DEFAULTS> = {}) {
    const { concurrency, maxWaiting } = { ...HASH_QUEUE_DEFAULTS, ...options };
    this.limit = pLimit(concurrency);
    this.maxWaiting = maxWaiting;
  }

  /** Runs `hash` when a hasher is free; throws HashQueueFullError when the queue is full. */
  run<T>(hash: () => Promise<T>): Promise<T> {
    if (this.limit.pendingCount >= this.maxWaiting) {
      return Promise.reject(new HashQueueFullError());
    }
    return this.limit(hash);
  }

  get waiting(): number {
    return this.limit.pendingCount;
  }

  get running(): number {
    return this.limit.activeCount;
  }
}
