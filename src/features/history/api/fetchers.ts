// Fetchers for /api/history: one per endpoint, each validating its answer.
import { requestJson } from '@/lib/http';
import type { ActivityView } from '../model/activity-view';
import {
  changePageSchema,
  changeSchema,
  usersSchema,
  type Change,
  type ChangePage,
} from './schemas';

export const HISTORY_PATH = '/api/history';

/** The list's and the export's filter parameters, as the BFF reads them. */
export function filterParams(view: Pick<ActivityView, 'user' | 'group' | 'kind' | 'from' | 'to'>) {
  const params = new URLSearchParams();
  if (view.user) params.set('user', view.user);
  if (view.group) params.set('group', view.group);
  if (view.from) params.set('from', view.from);
  if (view.to) params.set('to', view.to);
  if (view.kind) params.set('kind', view.kind);
  return params;
}

export function fetchGroupHistory(groupId: string, signal?: AbortSignal): Promise<ChangePage> {
  return requestJson(`${HISTORY_PATH}/groups/${encodeURIComponent(groupId)}`, {
    schema: changePageSchema,
    ...(signal && { signal }),
  });
}

export function fetchChanges(view: ActivityView, signal?: AbortSignal): Promise<ChangePage> {
  const params = filterParams(view);
  params.set('limit', String(view.limit));
  params.set('offset', String(view.offset));
  return requestJson(`${HISTORY_PATH}?${params}`, {
    schema: changePageSchema,
    ...(signal && { signal }),
  });
}

export function fetchChange(id: number, signal?: AbortSignal): Promise<Change> {
  return requestJson(`${HISTORY_PATH}/changes/${id}`, {
    schema: changeSchema,
    ...(signal && { signal }),
  });
}

export async function fetchHistoryUsers(signal?: AbortSignal): Promise<string[]> {
  const { users } = await requestJson(`${HISTORY_PATH}/users`, {
    schema: usersSchema,
    ...(signal && { signal }),
  });
  return users;
}

/** A download link: the browser saves the BFF's answer (Content-Disposition: attachment). */
export function exportUrl(view: ActivityView, format: 'csv' | 'json'): string {
  const params = filterParams(view);
  params.set('format', format);
  return `${HISTORY_PATH}/export?${params}`;
}
