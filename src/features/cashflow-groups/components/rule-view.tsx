// One rule read-only, laid out like a builder row (field, operator, values), with its plain words.
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { describeRule, describeValue, effectiveValues, type DescribeNames } from '../model';
import { FIELD_LABELS, OPERATOR_WORDS, type RuleForm } from '../model/types';

/**
 * A value chip that wraps inside the card: a 600-character value (one unbroken word) would
 * otherwise widen the page to thousands of pixels. MUI's chip label is one clipped line.
 */
const VALUE_CHIP_SX = {
  maxWidth: '100%',
  height: 'auto',
  minHeight: 24,
  '& .MuiChip-label': { whiteSpace: 'normal', overflowWrap: 'anywhere', py: 0.25 },
} as const;

export function RuleView({
  rule,
  label,
  names,
  tone = 'default',
}: {
  rule: RuleForm;
  /** "Rule 2": names the group for assistive technology, shown as the row's badge. */
  label: string;
  names?: DescribeNames;
  /** Removed rules are struck through in the error colour; added ones are marked green. */
  tone?: 'default' | 'removed' | 'added';
}) {
  const words = OPERATOR_WORDS[rule.operator];
  const values = effectiveValues(rule.field, rule.values);
  const removed = tone === 'removed';
  return (
    <Box
      role="group"
      aria-label={label}
      sx={{
        border: 1,
        borderColor: removed ? 'error.main' : tone === 'added' ? 'success.main' : 'divider',
        borderRadius: 1,
        p: 1.5,
        bgcolor: removed ? 'rgba(211, 47, 47, 0.04)' : undefined,
      }}
    >
      <Stack
        direction="row"
        spacing={1.5}
        useFlexGap
        sx={{
          alignItems: 'center',
          flexWrap: 'wrap',
          textDecoration: removed ? 'line-through' : 'none',
        }}
      >
        <Typography variant="caption" color="text.secondary" sx={{ minWidth: 48 }}>
          {label}
        </Typography>
        <Typography sx={{ fontWeight: 600 }}>{FIELD_LABELS[rule.field]}</Typography>
        <Typography color={rule.negate ? 'warning.dark' : 'text.primary'}>
          {rule.negate ? words.negated : words.label}
        </Typography>
        <Stack
          direction="row"
          spacing={0.5}
          useFlexGap
          sx={{ flexWrap: 'wrap', minWidth: 0, maxWidth: '100%' }}
        >
          {values.map((v, i) => (
            <Chip
              key={`${v}:${i}`}
              size="small"
              label={describeValue(rule.field, v, names)}
              color={removed ? 'error' : 'default'}
              variant={removed ? 'outlined' : 'filled'}
              sx={{ ...VALUE_CHIP_SX, ...(removed && { textDecoration: 'line-through' }) }}
            />
          ))}
        </Stack>
      </Stack>
      <Typography
        variant="body2"
        color={removed ? 'error' : 'text.secondary'}
        sx={{ mt: 0.5, overflowWrap: 'anywhere' }}
      >
        {removed ? 'Removed: ' : tone === 'added' ? 'Added: ' : ''}
        {describeRule(rule, names)}
      </Typography>
    </Box>
  );
}
