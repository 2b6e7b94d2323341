// When each failed answer arrived, so a rate-limit countdown can start from the real moment.
// A WeakMap keeps the ApiError untouched and lets errors be collected with their queries.
const receivedAt = new WeakMap<object, number>();

export function markReceived(error: unknown, at = Date.now()): void {
  if (typeof error === 'object' && error !== null) receivedAt.set(error, at);
}

export function receivedAtOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null ? receivedAt.get(error) : undefined;
}
