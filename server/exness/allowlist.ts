// The Exness API calls the dashboard may make through the BFF: data, in this one place.

export type ExnessMethod = 'GET' | 'POST';

export interface ExnessAllowedCall {
  /** The upstream path, exactly; the browser calls it under `/api/exness`. */
  path: string;
  method: ExnessMethod;
}

export const EXNESS_ALLOWED_CALLS: readonly ExnessAllowedCall[] = [
  { path: '/api/v2/autorebates/groups/', method: 'GET' },
  { path: '/api/v2/autorebates/groups/', method: 'POST' },
];

/** Exact match on the raw (still percent-encoded) path: no decoding trick can widen it. */
export function findExnessCall(method: string, rawPath: string): ExnessAllowedCall | undefined {
  return EXNESS_ALLOWED_CALLS.find((c) => c.method === method && c.path === rawPath);
}
