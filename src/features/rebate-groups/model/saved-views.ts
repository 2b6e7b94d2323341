// Saved views: named filters + sort kept in the browser; the stored form and its pure edits.
import { z } from 'zod/mini';
import {
  GROUP_TYPES,
  REBATE_PERIODS,
  SORT_FIELDS,
  groupIdSchema,
  linkCodeSchema,
  type Filters,
  type SortKey,
} from './view';

export const SAVED_VIEWS_KEY = 'rebate-groups.saved-views.v1';
export const MAX_SAVED_VIEW_NAME = 60;

export const savedViewSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_SAVED_VIEW_NAME)),
  filters: z.object({
    group_type: z.array(z.enum(GROUP_TYPES)),
    group_id: z.array(groupIdSchema),
    rebate_period: z.array(z.enum(REBATE_PERIODS)),
    link_code: z.array(linkCodeSchema),
  }),
  ordering: z.array(z.object({ field: z.enum(SORT_FIELDS), direction: z.enum(['asc', 'desc']) })),
  savedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

/** One bad entry (edited by hand, older format) is dropped; the others survive. */
export const savedViewsSchema = z.pipe(
  z.array(z.unknown()),
  z.transform((items) =>
    items.flatMap((item) => {
      const parsed = savedViewSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }),
  ),
);

/** Saves under a name; the same name (ignoring case) replaces the older view in place. */
export function upsertSavedView(
  views: readonly SavedView[],
  name: string,
  filters: Filters,
  ordering: readonly SortKey[],
  now = new Date(),
): SavedView[] {
  const entry: SavedView = {
    name: name.trim(),
    filters: structuredClone(filters),
    ordering: ordering.map((k) => ({ ...k })),
    savedAt: now.toISOString(),
  };
  const at = views.findIndex((v) => v.name.toLowerCase() === entry.name.toLowerCase());
  if (at < 0) return [...views, entry];
  return views.map((v, i) => (i === at ? entry : v));
}

export function deleteSavedView(views: readonly SavedView[], name: string): SavedView[] {
  return views.filter((v) => v.name !== name);
}
