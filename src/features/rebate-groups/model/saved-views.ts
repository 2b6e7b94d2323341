// Saved views: named views (filters, sort, page size, columns) kept in the browser; the stored
// form and its pure edits.
import { z } from 'zod/mini';
import { tablePrefsSchema, type Density } from './table-prefs';
import type { ColumnId } from './columns';
import {
  GROUP_TYPES,
  MAX_LIMIT,
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
  // Optional: views saved before these were kept have none, and applying one keeps the page
  // size and columns in use rather than guessing.
  limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_LIMIT))),
  hidden: z.optional(tablePrefsSchema.shape.hidden),
  density: z.optional(tablePrefsSchema.shape.density),
  savedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

/** What a saved view restores: the whole view, as the list shows it. */
export interface ViewSnapshot {
  filters: Filters;
  ordering: SortKey[];
  limit: number;
  hidden: ColumnId[];
  density: Density;
}

/** The snapshot to apply; a view saved before page size and columns were kept has none. */
export type SavedViewContent = Pick<ViewSnapshot, 'filters' | 'ordering'> &
  Partial<Omit<ViewSnapshot, 'filters' | 'ordering'>>;

export function contentOf(view: SavedView): SavedViewContent {
  return {
    filters: structuredClone(view.filters),
    ordering: view.ordering.map((k) => ({ ...k })),
    ...(view.limit !== undefined && { limit: view.limit }),
    ...(view.hidden !== undefined && { hidden: [...view.hidden] }),
    ...(view.density !== undefined && { density: view.density }),
  };
}

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
  snapshot: ViewSnapshot,
  now = new Date(),
): SavedView[] {
  const entry: SavedView = {
    name: name.trim(),
    filters: structuredClone(snapshot.filters),
    ordering: snapshot.ordering.map((k) => ({ ...k })),
    limit: snapshot.limit,
    hidden: [...snapshot.hidden],
    density: snapshot.density,
    savedAt: now.toISOString(),
  };
  const at = views.findIndex((v) => v.name.toLowerCase() === entry.name.toLowerCase());
  if (at < 0) return [...views, entry];
  return views.map((v, i) => (i === at ? entry : v));
}

export function deleteSavedView(views: readonly SavedView[], name: string): SavedView[] {
  return views.filter((v) => v.name !== name);
}
