// /cashflow-groups/:id: one group as the network stores it — summary, rules, affiliates, the
// exact JSON, and the rule tester — with Edit and Clone.
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { PageHeader } from '@/components/page-header';
import { routes } from '@/config/routes';
import type { CashflowGroupDetail } from '../api';
import { describeGroup, toPayload, type DescribeNames } from '../model';
import { CodeBlock, prettyJson } from './code-block';
import { CopyButton } from './copy-button';
import { TargetRuleNamesProvider, useTargetRuleNames } from './describe-names';
import { RuleTester } from './rule-tester';
import { RuleView } from './rule-view';
import { cloneLink, SAVED_STATE_KEY } from './group-links';
import { GroupLoadState, useGroupFromRoute } from './group-load-state';
import { GroupSummary, Section } from './group-summary';
import { GroupUsage } from './group-usage';

/** What the app adds below the group (its change history): features do not import each other. */
export type DetailsExtra = (group: CashflowGroupDetail) => ReactNode;

function Details({ group, extra }: { group: CashflowGroupDetail; extra?: DetailsExtra }) {
  const targetRules = useTargetRuleNames();
  const names: DescribeNames = useMemo(
    () => ({ targetRules, affiliates: group.affiliateNames }),
    [targetRules, group.affiliateNames],
  );
  const { form } = group;
  const location = useLocation();
  const saved =
    typeof location.state === 'object' &&
    location.state !== null &&
    SAVED_STATE_KEY in location.state;
  // The save was made at the bottom of a long edit, and the page would open scrolled there:
  // bring the confirmation (just under the header) into view and give it focus.
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const note = savedRef.current;
    if (!saved || !note) return;
    note.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [saved]);
  const lines = describeGroup(form, names);
  const payload = useMemo(() => toPayload(form), [form]);

  return (
    <>
      <PageHeader
        title={form.name}
        subtitle={`Cashflow group #${group.id} · last changed ${group.modified || 'unknown'}`}
        actions={
          <>
            <Button variant="outlined" component={RouterLink} to={cloneLink(group.id)}>
              Clone
            </Button>
            <Button
              variant="contained"
              component={RouterLink}
              to={routes.editCashflowGroup(group.id)}
            >
              Edit
            </Button>
          </>
        }
      />
      <Stack spacing={2.5}>
        {saved && (
          <Alert severity="success" ref={savedRef} tabIndex={-1}>
            Changes saved. This is the group as HasOffers now stores it.
          </Alert>
        )}
        <Section title="Summary">
          <Typography color="text.secondary" variant="body2">
            Description
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap', mb: 1.5 }}>
            {form.description || <em>No description</em>}
          </Typography>
          <GroupSummary lines={lines} />
        </Section>

        <Section title={`Rules (${form.rules.length})`}>
          {form.rules.length === 0 ? (
            <Typography color="text.secondary">
              No rules: the group matches every conversion.
            </Typography>
          ) : (
            <Stack spacing={1}>
              {form.rules.map((rule, i) => (
                <RuleView key={i} rule={rule} label={`Rule ${i + 1}`} names={names} />
              ))}
            </Stack>
          )}
        </Section>

        <Section
          title={`Affiliates (${form.affiliateMode === 'all' ? 'all' : form.affiliateIds.length})`}
        >
          {form.affiliateMode === 'all' ? (
            <Typography>All affiliates: the group applies to every affiliate.</Typography>
          ) : (
            <Box component="ul" sx={{ m: 0, pl: 3, columns: { md: 2 } }}>
              {form.affiliateIds.map((id) => (
                <li key={id}>
                  <Typography variant="body2">
                    {/* To the affiliate's page: which other groups it is in. */}
                    <Link component={RouterLink} to={routes.affiliate(id)}>
                      {group.affiliateNames[id] ?? 'Unknown affiliate'}
                    </Link>{' '}
                    <Typography component="span" variant="body2" color="text.secondary">
                      (#{id})
                    </Typography>
                  </Typography>
                </li>
              ))}
            </Box>
          )}
        </Section>

        {/* Advice beside the group: loads on its own, never holds the page back. */}
        <Section title="Used by offers and goals">
          <GroupUsage groupId={group.id} />
        </Section>

        <Section
          title="rules_json"
          actions={<CopyButton text={payload.rules_json} label="Copy rules_json" />}
        >
          <CodeBlock label="rules_json" text={prettyJson(payload.rules_json)} maxHeight={320} />
        </Section>
        <Section
          title="affiliate_ids_json"
          actions={<CopyButton text={payload.affiliate_ids_json} label="Copy affiliate_ids_json" />}
        >
          <CodeBlock label="affiliate_ids_json" text={payload.affiliate_ids_json} maxHeight={160} />
        </Section>

        <Paper variant="outlined" sx={{ p: 2 }}>
          <RuleTester form={form} names={names} />
        </Paper>
        {extra?.(group)}
      </Stack>
    </>
  );
}

export function CashflowGroupDetailsPage({ extra }: { extra?: DetailsExtra } = {}) {
  const load = useGroupFromRoute();
  const group = load.query.data;
  if (!group) return <GroupLoadState {...load} />;
  return (
    <TargetRuleNamesProvider>
      <Details group={group} {...(extra && { extra })} />
    </TargetRuleNamesProvider>
  );
}
