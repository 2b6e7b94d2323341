// The table's layout preferences (hidden columns, density) and their stored form.
import { z } from 'zod/mini';
import { COLUMN_IDS, type ColumnId } from './columns';

export const TABLE_PREFS_KEY = 'rebate-groups.table-prefs.v1';

export type Density = 'comfortable' | 'compact';

export interface TablePrefs {
  hidden: ColumnId[];
  density: Density;
}

export const DEFAULT_TABLE_PREFS: TablePrefs = { hidden: [], density: 'comfortable' };

export const tablePrefsSchema = z.object({
  // Unknown ids (a column renamed in a later release) are dropped rather than failing the read.
  hidden: z.pipe(
    z.array(z.string()),
    z.transform((ids) => {
      const known = ids.filter((id): id is ColumnId =>
        (COLUMN_IDS as readonly string[]).includes(id),
      );
      // Every column hidden would leave an empty table; treat it as "nothing hidden".
      return known.length >= COLUMN_IDS.length ? [] : known;
    }),
  ),
  density: z.catch(z.enum(['comfortable', 'compact']), 'comfortable'),
});
