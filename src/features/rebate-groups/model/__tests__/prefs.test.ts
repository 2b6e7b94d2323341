// Stored preferences (table layout, saved views): validated on read, bad entries dropped.
import { readStored, writeStored } from '../storage';
import { DEFAULT_TABLE_PREFS, TABLE_PREFS_KEY, tablePrefsSchema } from '../table-prefs';
import {
  SAVED_VIEWS_KEY,
  deleteSavedView,
  savedViewsSchema,
  contentOf,
  upsertSavedView,
  type SavedView,
  type ViewSnapshot,
} from '../saved-views';
import { defaultView, type Filters, type SortKey } from '../view';

beforeEach(() => window.localStorage.clear());

describe('table prefs', () => {
  it('reads back what was written', () => {
    writeStored(TABLE_PREFS_KEY, { hidden: ['id', 'created'], density: 'compact' });
    expect(readStored(TABLE_PREFS_KEY, tablePrefsSchema, DEFAULT_TABLE_PREFS)).toEqual({
      hidden: ['id', 'created'],
      density: 'compact',
    });
  });

  it.each([
    ['not json', '{oops'],
    ['wrong shape', '{"hidden": "id"}'],
    ['null', 'null'],
  ])('falls back to the defaults for %s', (_, raw) => {
    window.localStorage.setItem(TABLE_PREFS_KEY, raw);
    expect(readStored(TABLE_PREFS_KEY, tablePrefsSchema, DEFAULT_TABLE_PREFS)).toEqual(
      DEFAULT_TABLE_PREFS,
    );
  });

  it('drops unknown columns and a bad density, and never hides every column', () => {
    window.localStorage.setItem(
      TABLE_PREFS_KEY,
      JSON.stringify({ hidden: ['id', 'gone'], density: 'cosy' }),
    );
    expect(readStored(TABLE_PREFS_KEY, tablePrefsSchema, DEFAULT_TABLE_PREFS)).toEqual({
      hidden: ['id'],
      density: 'comfortable',
    });
    window.localStorage.setItem(
      TABLE_PREFS_KEY,
      JSON.stringify({
        hidden: [
          'id',
          'title',
          'type',
          'clients',
          'rebatePercent',
          'rebateSize',
          'period',
          'linkCode',
          'created',
        ],
        density: 'compact',
      }),
    );
    expect(readStored(TABLE_PREFS_KEY, tablePrefsSchema, DEFAULT_TABLE_PREFS).hidden).toEqual([]);
  });
});

describe('saved views', () => {
  const filters = { ...defaultView().filters, group_type: ['AUTO' as const] };
  const now = new Date('2026-05-01T00:00:00Z');
  const snap = (f: Filters, ordering: SortKey[] = []): ViewSnapshot => ({
    filters: f,
    ordering,
    limit: 25,
    hidden: [],
    density: 'comfortable',
  });

  it('keeps the whole view: page size, hidden columns and density too', () => {
    const saved = upsertSavedView(
      [],
      'Mine',
      {
        filters,
        ordering: [{ field: 'group_title', direction: 'asc' }],
        limit: 100,
        hidden: ['linkCode', 'rebatePercent'],
        density: 'compact',
      },
      now,
    );
    window.localStorage.setItem(SAVED_VIEWS_KEY, JSON.stringify(saved));
    const [read] = readStored(SAVED_VIEWS_KEY, savedViewsSchema, []);
    expect(read && contentOf(read)).toEqual({
      filters,
      ordering: [{ field: 'group_title', direction: 'asc' }],
      limit: 100,
      hidden: ['linkCode', 'rebatePercent'],
      density: 'compact',
    });
  });

  it('reads a view saved before page size and columns were kept, without them', () => {
    window.localStorage.setItem(
      SAVED_VIEWS_KEY,
      JSON.stringify([{ name: 'Old', filters, ordering: [], savedAt: now.toISOString() }]),
    );
    const [read] = readStored(SAVED_VIEWS_KEY, savedViewsSchema, []);
    expect(read && contentOf(read)).toEqual({ filters, ordering: [] });
  });

  it('adds, replaces by name (ignoring case) and deletes', () => {
    let views: SavedView[] = [];
    views = upsertSavedView(
      views,
      ' Big AUTO ',
      snap(filters, [{ field: 'clients_count', direction: 'desc' }]),
      now,
    );
    views = upsertSavedView(views, 'Weekly', snap(defaultView().filters), now);
    expect(views.map((v) => v.name)).toEqual(['Big AUTO', 'Weekly']);
    views = upsertSavedView(views, 'big auto', snap(defaultView().filters), now);
    expect(views.map((v) => v.name)).toEqual(['big auto', 'Weekly']);
    expect(views[0]?.filters.group_type).toEqual([]);
    expect(deleteSavedView(views, 'Weekly').map((v) => v.name)).toEqual(['big auto']);
  });

  it('keeps the valid entries of a partly corrupt store', () => {
    const good = upsertSavedView([], 'Good', snap(filters), now)[0];
    window.localStorage.setItem(
      SAVED_VIEWS_KEY,
      JSON.stringify([
        good,
        { name: '' },
        { ...good, name: 'Bad type', filters: { ...good?.filters, group_type: ['X'] } },
        42,
      ]),
    );
    expect(readStored(SAVED_VIEWS_KEY, savedViewsSchema, []).map((v) => v.name)).toEqual(['Good']);
  });

  it('reads a non-array store as no views', () => {
    window.localStorage.setItem(SAVED_VIEWS_KEY, '{"a":1}');
    expect(readStored(SAVED_VIEWS_KEY, savedViewsSchema, [])).toEqual([]);
  });
});
