// The Exness API calls the dashboard may make through the BFF: data, in this one place.
import type { ExnessListMethod } from '../config';

export type ExnessMethod = 'GET' | 'POST';

export interface ExnessAllowedCall {
  /** The upstream path, exactly; the browser calls it under `/api/exness`. */
  path: string;
  method: ExnessMethod;
}

export const EXNESS_GROUPS_PATH = '/api/v2/autorebates/groups/';

/** Reads, always allowed. The list is a GET with query parameters (api-notes.md §1). */
export const EXNESS_ALLOWED_CALLS: readonly ExnessAllowedCall[] = [
  { path: EXNESS_GROUPS_PATH, method: 'GET' },
];

/**
 * POST on the list path: the vendor page's old list contract, but the same page titles it
 * "Creates a client group" and a public write-up shows it creating one. Allowed only when the
 * server is told to list by POST (EXNESS_LIST_METHOD=POST), never by default.
 */
const POST_LIST_CALL: ExnessAllowedCall = { path: EXNESS_GROUPS_PATH, method: 'POST' };

export type ExnessCallCheck =
  | { allowed: true; call: ExnessAllowedCall }
  | { allowed: false; reason: 'post-listing-off' | 'not-allowed' };

/** Exact match on the raw (still percent-encoded) path: no decoding trick can widen it. */
export function checkExnessCall(
  method: string,
  rawPath: string,
  listMethod: ExnessListMethod = 'GET',
): ExnessCallCheck {
  const call = EXNESS_ALLOWED_CALLS.find((c) => c.method === method && c.path === rawPath);
  if (call) return { allowed: true, call };
  if (method === POST_LIST_CALL.method && rawPath === POST_LIST_CALL.path) {
    return listMethod === 'POST'
      ? { allowed: true, call: POST_LIST_CALL }
      : { allowed: false, reason: 'post-listing-off' };
  }
  return { allowed: false, reason: 'not-allowed' };
}

/** The allowed call, or undefined (kept for callers that need no reason). */
export function findExnessCall(
  method: string,
  rawPath: string,
  listMethod: ExnessListMethod = 'GET',
): ExnessAllowedCall | undefined {
  const check = checkExnessCall(method, rawPath, listMethod);
  return check.allowed ? check.call : undefined;
}
