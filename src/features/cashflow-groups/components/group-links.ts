// Links between the group pages: which ids are group ids, and the clone link.
import { routes } from '@/config/routes';

export const CLONE_PARAM = 'clone';

export function isGroupId(id: string | null | undefined): id is string {
  return typeof id === 'string' && /^\d{1,18}$/.test(id);
}

export function cloneLink(id: string): string {
  return `${routes.newCashflowGroup}?${CLONE_PARAM}=${encodeURIComponent(id)}`;
}

/** History state that tells the details page a save just went through. */
export const SAVED_STATE_KEY = 'cashflowGroupSaved';
