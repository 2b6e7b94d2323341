// The history feature's query factory (query options API).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ActivityView } from '../model/activity-view';
import { fetchChange, fetchChanges, fetchGroupHistory, fetchHistoryUsers } from './fetchers';

export const historyQueries = {
  all: () => ['history'] as const,
  /** `seenAs`: the group's `modified` as the page read it: a newer read is a new history. */
  group: (groupId: string, seenAs = '') =>
    queryOptions({
      queryKey: [...historyQueries.all(), 'group', groupId, seenAs] as const,
      queryFn: ({ signal }) => fetchGroupHistory(groupId, signal),
    }),
  list: (view: ActivityView) =>
    queryOptions({
      queryKey: [...historyQueries.all(), 'list', view] as const,
      queryFn: ({ signal }) => fetchChanges(view, signal),
      placeholderData: keepPreviousData,
    }),
  change: (id: number) =>
    queryOptions({
      queryKey: [...historyQueries.all(), 'change', id] as const,
      queryFn: ({ signal }) => fetchChange(id, signal),
      // A recorded change never changes.
      staleTime: Infinity,
    }),
  users: () =>
    queryOptions({
      queryKey: [...historyQueries.all(), 'users'] as const,
      queryFn: ({ signal }) => fetchHistoryUsers(signal),
    }),
};
