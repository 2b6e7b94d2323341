// Route module for /cashflow-groups/:id: the group's details with its History below (composed
// here: the history feature and the cashflow-groups feature do not import each other).
import { CashflowGroupDetailsPage, type DetailsExtra } from '@/features/cashflow-groups/details';
import { VersionDiff } from '@/features/cashflow-groups/history';
import { GroupHistory, type RenderVersionDiff } from '@/features/history/group-history';
import { routes } from '@/config/routes';

const renderDiff: RenderVersionDiff = (before, after, beforeLabel) => (
  <VersionDiff before={before} after={after} beforeLabel={beforeLabel} />
);

const history: DetailsExtra = (group) => (
  <div id="history">
    <GroupHistory
      groupId={group.id}
      modified={group.modified}
      renderDiff={renderDiff}
      restoreHref={(changeId) => `${routes.editCashflowGroup(group.id)}?restore=${changeId}`}
    />
  </div>
);

export function CashflowGroupRoute() {
  return <CashflowGroupDetailsPage extra={history} />;
}
