// The Activity page's view, read from and written to the URL (its single source of truth):
// parsed, defaulted and validated; a filter or page-size change resets the offset; unknown
// parameters are kept.
import { z } from 'zod/mini';
import { CHANGE_KINDS, type ChangeKind } from '../api/schemas';

export const ACTIVITY_PAGE_SIZES = [25, 50, 100] as const;
export const ACTIVITY_DEFAULT_LIMIT = 25;

export interface ActivityView {
  user: string;
  group: string;
  /** '' for every kind. */
  kind: ChangeKind | '';
  /** YYYY-MM-DD, inclusive; '' for none. */
  from: string;
  to: string;
  limit: number;
  offset: number;
}

export const DEFAULT_ACTIVITY_VIEW: ActivityView = {
  user: '',
  group: '',
  kind: '',
  from: '',
  to: '',
  limit: ACTIVITY_DEFAULT_LIMIT,
  offset: 0,
};

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const groupId = z.string().check(z.regex(/^[1-9]\d{0,15}$/));
const userName = z.string().check(z.minLength(1), z.maxLength(200));
const kind = z.enum(CHANGE_KINDS);

function pick<T, F = T>(schema: z.ZodMiniType<T>, raw: string | null, fallback: F): T | F {
  if (raw === null) return fallback;
  const parsed = schema.safeParse(raw.trim());
  return parsed.success ? parsed.data : fallback;
}

export function parseActivityView(params: URLSearchParams): ActivityView {
  const limit = Number(params.get('limit'));
  const offset = Number(params.get('offset'));
  return {
    user: pick(userName, params.get('user'), ''),
    group: pick(groupId, params.get('group'), ''),
    kind: pick(kind, params.get('kind'), ''),
    from: pick(day, params.get('from'), ''),
    to: pick(day, params.get('to'), ''),
    limit: (ACTIVITY_PAGE_SIZES as readonly number[]).includes(limit)
      ? limit
      : ACTIVITY_DEFAULT_LIMIT,
    offset: Number.isInteger(offset) && offset > 0 && offset <= 1_000_000 ? offset : 0,
  };
}

const KEYS = ['user', 'group', 'kind', 'from', 'to', 'limit', 'offset'] as const;

/** The view in the URL: defaults left out, other parameters kept as they were. */
export function writeActivityView(view: ActivityView, current: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of KEYS) {
    const value = view[key];
    if (value === DEFAULT_ACTIVITY_VIEW[key]) next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

export type ActivityChange = Partial<Omit<ActivityView, 'offset'>> | { offset: number };

/** A filter or page-size change goes back to the first page; a page change keeps the filters. */
export function changeActivityView(view: ActivityView, change: ActivityChange): ActivityView {
  if ('offset' in change) return { ...view, offset: change.offset };
  return { ...view, ...change, offset: 0 };
}
