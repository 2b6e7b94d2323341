// The cashflow groups an affiliate is in (groups naming it, and groups for all affiliates), each
// in plain words, and the bulk add/remove of affiliates across groups. Shown on /affiliates/:id.
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { RetryAlert } from '@/components/retry-alert';
import { routes } from '@/config/routes';
import { toApiError } from '@/lib/api-error';
import type { CashflowGroupListRow } from '../api';
import { groupScanQueries } from '../api/scan-cashflow-groups';
import { describeGroup, groupsOfAffiliate } from '../model';
import { BulkMembership } from './bulk-membership';
import { TargetRuleNamesProvider, useTargetRuleNames } from './describe-names';
import { Section } from './group-summary';

function GroupItem({ row }: { row: CashflowGroupListRow }) {
  const targetRules = useTargetRuleNames();
  const lines = row.rules
    ? describeGroup(
        {
          rules: row.rules,
          affiliateMode: row.affiliateIds.length === 0 ? 'all' : 'selected',
          affiliateIds: row.affiliateIds,
        },
        { targetRules },
      )
    : [row.problem ?? 'The stored rules could not be read.'];
  return (
    <li>
      <Link component={RouterLink} to={routes.cashflowGroup(row.id)} sx={{ fontWeight: 600 }}>
        {row.name}
      </Link>{' '}
      <Typography component="span" variant="body2" color="text.secondary">
        (#{row.id})
      </Typography>
      <Box component="ul" sx={{ mt: 0.5, mb: 1.5, pl: 2.5 }}>
        {lines.map((line, i) => (
          <Typography key={i} component="li" variant="body2">
            {line}
          </Typography>
        ))}
      </Box>
    </li>
  );
}

function GroupList({ rows, empty }: { rows: CashflowGroupListRow[]; empty: string }) {
  if (rows.length === 0) return <Typography color="text.secondary">{empty}</Typography>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 3 }}>
      {rows.map((row) => (
        <GroupItem key={row.id} row={row} />
      ))}
    </Box>
  );
}

export function AffiliateGroups({
  affiliateId,
  company,
}: {
  affiliateId: string;
  company?: string | undefined;
}) {
  const query = useQuery(groupScanQueries.all());
  const who = company ? `${company} (#${affiliateId})` : `affiliate #${affiliateId}`;
  if (query.isError) {
    return (
      <RetryAlert onRetry={() => void query.refetch()}>
        The cashflow groups could not be read: {toApiError(query.error).message}
      </RetryAlert>
    );
  }
  if (!query.data) {
    return (
      <Box>
        <LinearProgress aria-label="Reading cashflow groups" />
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          Reading cashflow groups…
        </Typography>
      </Box>
    );
  }
  const scan = query.data;
  const { named, forAll, unreadable } = groupsOfAffiliate(scan.rows, affiliateId);
  return (
    <TargetRuleNamesProvider>
      <Stack spacing={2}>
        {!scan.complete && (
          <Alert severity="warning">
            Read the first {scan.rows.length} of {scan.count} cashflow groups: groups after those
            are not shown.
          </Alert>
        )}
        <Section title={`Groups that name ${who} (${named.length})`}>
          <GroupList rows={named} empty="No cashflow group names this affiliate." />
        </Section>
        <Section title={`Groups for all affiliates (${forAll.length})`}>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            These have an empty affiliate list, so they apply to this affiliate too.
          </Typography>
          <GroupList rows={forAll} empty="No cashflow group applies to all affiliates." />
        </Section>
        {unreadable.length > 0 && (
          <Section title={`Groups that could not be read (${unreadable.length})`}>
            <GroupList rows={unreadable} empty="" />
          </Section>
        )}
        <Section title="Add to or remove from groups">
          <BulkMembership groups={scan.rows} affiliateId={affiliateId} />
        </Section>
      </Stack>
    </TargetRuleNamesProvider>
  );
}
