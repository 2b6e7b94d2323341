// Entry for a group's History (details page) and the recorded version a restore fills in.
export {
  GroupHistory,
  type GroupHistoryProps,
  type RenderVersionDiff,
} from './components/group-history';
export { historyQueries } from './api/queries';
export type { Change, RecordedGroup } from './api/schemas';
export { formatWhen } from './model/describe-change';
