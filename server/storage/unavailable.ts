// The one error a repository throws when the database fails mid-run: answered 503 StorageUnavailable.
import { HttpError } from '../errors';

export class StorageUnavailableError extends HttpError {
  constructor(cause: unknown) {
    super(
      503,
      'StorageUnavailable',
      'The dashboard server cannot reach its database right now. Nothing was changed; try again in a moment.',
      {},
      { storageError: cause instanceof Error ? cause.message : String(cause) },
    );
    this.name = 'StorageUnavailableError';
    this.cause = cause;
  }
}

/**
 * Runs a repository's queries; any database failure becomes StorageUnavailableError, so callers
 * (and the error handler) need not know what a driver throws.
 */
export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw new StorageUnavailableError(e);
  }
}
