// Two recorded states of a group (findCashflowGroupById's shape, as the history keeps them) in
// plain words: the same diff the edit's review shows. The history feature renders it through
// the app (features never import each other).
import { useMemo } from 'react';
import Typography from '@mui/material/Typography';
import {
  describeGroup,
  diffGroups,
  fromPayload,
  type DescribeNames,
  type GroupForm,
} from '../model';
import { useTargetRuleNames } from './describe-names';
import { DiffView } from './diff-view';
import { GroupSummary } from './group-summary';

export interface ReadVersion {
  form: GroupForm;
  affiliateNames: Record<string, string>;
}

/** A recorded state as the wizard's form, or undefined when it cannot be read. */
export function readVersion(recorded: unknown): ReadVersion | undefined {
  const read = fromPayload(recorded);
  if (!read.ok) return undefined;
  const src = recorded as { name?: unknown; description?: unknown };
  return {
    form: {
      name: typeof src.name === 'string' ? src.name : (read.name ?? ''),
      description: typeof src.description === 'string' ? src.description : '',
      rules: read.rules,
      affiliateMode: read.affiliateIds.length === 0 ? 'all' : 'selected',
      affiliateIds: read.affiliateIds,
    },
    affiliateNames: read.affiliateNames ?? {},
  };
}

export function VersionDiff({
  before,
  after,
  beforeLabel,
}: {
  /** null: the first recorded state (it is described, not compared). */
  before: unknown;
  after: unknown;
  beforeLabel: string;
}) {
  const targetRules = useTargetRuleNames();
  const a = useMemo(() => (before === null ? null : readVersion(before)), [before]);
  const b = useMemo(() => readVersion(after), [after]);
  const names: DescribeNames = useMemo(
    () => ({
      targetRules,
      affiliates: { ...a?.affiliateNames, ...b?.affiliateNames },
    }),
    [targetRules, a, b],
  );
  if (!b || a === undefined) {
    return (
      <Typography color="text.secondary">
        This version could not be read as a cashflow group.
      </Typography>
    );
  }
  if (a === null) return <GroupSummary lines={describeGroup(b.form, names)} />;
  return <DiffView diff={diffGroups(a.form, b.form)} names={names} beforeLabel={beforeLabel} />;
}
