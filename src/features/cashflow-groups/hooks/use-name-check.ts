// Whether a typed group name is free, asked of the network while the user types (debounced).
import { useQuery } from '@tanstack/react-query';
import { cashflowGroupQueries } from '../api';
import { NAME_MAX_LENGTH } from '../model';
import { useDebouncedValue } from '@/lib/use-debounced-value';

export const NAME_CHECK_DEBOUNCE_MS = 400;

export type NameCheck =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'available' }
  | { status: 'taken'; id: string | undefined }
  /** The check itself failed: say nothing; the create call still refuses a taken name. */
  | { status: 'unknown' };

export function takenMessage(id: string | undefined): string {
  return id
    ? `A group with this name already exists (#${id})`
    : 'A group with this name already exists';
}

export function useNameCheck(rawName: string): NameCheck {
  const name = rawName.trim();
  const debounced = useDebouncedValue(name, NAME_CHECK_DEBOUNCE_MS);
  const checkable = debounced.length > 0 && debounced.length <= NAME_MAX_LENGTH;
  const query = useQuery({ ...cashflowGroupQueries.nameCheck(debounced), enabled: checkable });

  if (name.length === 0 || name.length > NAME_MAX_LENGTH) return { status: 'idle' };
  // Still typing, or the answer for what is typed has not come yet.
  if (name !== debounced || query.isPending) return { status: 'checking' };
  if (query.isError) return { status: 'unknown' };
  return query.data.taken
    ? { status: 'taken', id: query.data.id === undefined ? undefined : String(query.data.id) }
    : { status: 'available' };
}
