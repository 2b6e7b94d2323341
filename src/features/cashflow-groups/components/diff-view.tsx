// A GroupDiff for people: what a save adds, changes and removes. Removals stand out (error
// colour, struck through) because the update silently drops whatever is not sent.
import { useId } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  describeRule,
  hasRemovals,
  isEmptyDiff,
  type DescribeNames,
  type GroupDiff,
} from '../model';
import { RuleView } from './rule-view';

function affiliateLabel(id: string, names?: DescribeNames): string {
  const name = names?.affiliates?.[id];
  return name ? `${name} (#${id})` : `#${id}`;
}

function Heading({ id, children }: { id: string; children: string }) {
  return (
    <Typography id={id} variant="subtitle2" component="h4" sx={{ mt: 1.5, mb: 0.5 }}>
      {children}
    </Typography>
  );
}

function counts(diff: GroupDiff): string {
  const parts: string[] = [];
  const { rules, affiliates } = diff;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  if (rules.added.length) parts.push(`${n(rules.added.length, 'rule', 'rules')} added`);
  if (rules.changed.length) parts.push(`${n(rules.changed.length, 'rule', 'rules')} changed`);
  if (rules.removed.length) parts.push(`${n(rules.removed.length, 'rule', 'rules')} removed`);
  if (affiliates.beforeAll !== affiliates.afterAll) {
    parts.push(affiliates.afterAll ? 'now for all affiliates' : 'no longer for all affiliates');
  }
  if (!affiliates.afterAll && affiliates.added.length) {
    parts.push(`${n(affiliates.added.length, 'affiliate', 'affiliates')} added`);
  }
  if (!affiliates.afterAll && !affiliates.beforeAll && affiliates.removed.length) {
    parts.push(`${n(affiliates.removed.length, 'affiliate', 'affiliates')} removed`);
  }
  if (diff.name) parts.push('name changed');
  if (diff.description) parts.push('description changed');
  return parts.join(', ');
}

export function DiffView({
  diff,
  names,
  beforeLabel = 'the saved group',
}: {
  diff: GroupDiff;
  names?: DescribeNames;
  beforeLabel?: string;
}) {
  const ids = { rules: useId(), affiliates: useId(), texts: useId() };
  if (isEmptyDiff(diff)) {
    return <Typography color="text.secondary">No changes compared with {beforeLabel}.</Typography>;
  }
  const { rules, affiliates } = diff;
  const removedColour = { color: 'error.main', textDecoration: 'line-through' } as const;
  const showAffiliates =
    affiliates.beforeAll !== affiliates.afterAll ||
    affiliates.added.length > 0 ||
    affiliates.removed.length > 0;

  return (
    <Box>
      <Typography sx={{ fontWeight: 600 }}>
        Compared with {beforeLabel}: {counts(diff)}.
      </Typography>
      {hasRemovals(diff) && (
        <Typography color="error" variant="body2">
          Saving removes what is struck through below: partners stop being paid by it.
        </Typography>
      )}

      {(diff.name || diff.description) && (
        <section aria-labelledby={ids.texts}>
          <Heading id={ids.texts}>Details</Heading>
          {diff.name && (
            <Typography variant="body2">
              Name:{' '}
              <Box component="del" sx={removedColour}>
                {diff.name.before}
              </Box>{' '}
              →{' '}
              <Box component="ins" sx={{ textDecoration: 'none', fontWeight: 600 }}>
                {diff.name.after}
              </Box>
            </Typography>
          )}
          {diff.description && (
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              Description:{' '}
              <Box component="del" sx={removedColour}>
                {diff.description.before || '(none)'}
              </Box>{' '}
              →{' '}
              <Box component="ins" sx={{ textDecoration: 'none', fontWeight: 600 }}>
                {diff.description.after || '(none)'}
              </Box>
            </Typography>
          )}
        </section>
      )}

      {(rules.added.length > 0 || rules.changed.length > 0 || rules.removed.length > 0) && (
        <section aria-labelledby={ids.rules}>
          <Heading id={ids.rules}>Rules</Heading>
          <Stack spacing={1}>
            {rules.removed.map(({ beforeIndex, rule }) => (
              <RuleView
                key={`r${beforeIndex}`}
                rule={rule}
                label={`Removed rule (was rule ${beforeIndex + 1})`}
                names={names}
                tone="removed"
              />
            ))}
            {rules.changed.map((c) => (
              <Box
                key={`c${c.beforeIndex}`}
                role="group"
                aria-label={`Changed rule ${c.afterIndex + 1}`}
                sx={{ border: 1, borderColor: 'warning.main', borderRadius: 1, p: 1.5 }}
              >
                <Typography variant="caption" color="text.secondary">
                  Changed rule {c.afterIndex + 1}
                </Typography>
                <Typography variant="body2" sx={removedColour}>
                  <Box component="del" sx={{ textDecoration: 'inherit' }}>
                    {describeRule(c.before, names)}
                  </Box>
                </Typography>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  <Box component="ins" sx={{ textDecoration: 'none' }}>
                    {describeRule(c.after, names)}
                  </Box>
                </Typography>
              </Box>
            ))}
            {rules.added.map(({ afterIndex, rule }) => (
              <RuleView
                key={`a${afterIndex}`}
                rule={rule}
                label={`Added rule ${afterIndex + 1}`}
                names={names}
                tone="added"
              />
            ))}
          </Stack>
        </section>
      )}

      {showAffiliates && (
        <section aria-labelledby={ids.affiliates}>
          <Heading id={ids.affiliates}>Affiliates</Heading>
          {affiliates.beforeAll !== affiliates.afterAll && (
            <Typography variant="body2" color={affiliates.afterAll ? 'text.primary' : 'error'}>
              {affiliates.afterAll
                ? 'Now applies to all affiliates (was a list).'
                : 'No longer applies to all affiliates: only to those listed below.'}
            </Typography>
          )}
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {!affiliates.afterAll &&
              !affiliates.beforeAll &&
              affiliates.removed.map((id) => (
                <Typography component="li" variant="body2" key={`r${id}`} sx={removedColour}>
                  <del style={{ textDecoration: 'inherit' }}>
                    Removed: {affiliateLabel(id, names)}
                  </del>
                </Typography>
              ))}
            {!affiliates.afterAll &&
              affiliates.added.map((id) => (
                <Typography component="li" variant="body2" key={`a${id}`} color="success.dark">
                  <ins style={{ textDecoration: 'none' }}>Added: {affiliateLabel(id, names)}</ins>
                </Typography>
              ))}
          </Box>
        </section>
      )}
    </Box>
  );
}
