// The review step's rule tester: type a sample click, see each rule pass or fail and why, and
// whether the group as a whole would match it.
import { useId, useMemo, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CancelOutlined from '@mui/icons-material/CancelOutlined';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import { splitList } from '@/lib/split-list';
import {
  describeRule,
  type DescribeNames,
  type GroupForm,
  type SampleClick,
  TEXT_MATCH_CASE_SENSITIVE,
} from '../model';
import { evaluate } from '../model/evaluate';

export interface RuleTesterProps {
  form: Pick<GroupForm, 'rules' | 'affiliateMode' | 'affiliateIds'>;
  names?: DescribeNames;
}

type TextKey = Exclude<keyof SampleClick, 'targetRuleIds'>;

const TEXT_INPUTS: { key: TextKey; label: string; helper?: string }[] = [
  { key: 'country', label: 'Country', helper: 'Two-letter code, e.g. DE' },
  { key: 'source', label: 'Source' },
  { key: 'aff_sub1', label: 'aff_sub1' },
  { key: 'aff_sub2', label: 'aff_sub2' },
  { key: 'aff_sub3', label: 'aff_sub3' },
  { key: 'aff_sub4', label: 'aff_sub4' },
  { key: 'aff_sub5', label: 'aff_sub5' },
  { key: 'adv_sub1', label: 'adv_sub1' },
  { key: 'adv_sub2', label: 'adv_sub2' },
  { key: 'adv_sub3', label: 'adv_sub3' },
  { key: 'adv_sub4', label: 'adv_sub4' },
  { key: 'adv_sub5', label: 'adv_sub5' },
  { key: 'affiliateId', label: 'Affiliate ID' },
];

function Outcome({ pass, children }: { pass: boolean; children: ReactNode }) {
  const Icon = pass ? CheckCircleOutlined : CancelOutlined;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Icon
        fontSize="small"
        color={pass ? 'success' : 'error'}
        aria-hidden
        sx={{ mt: '2px', flexShrink: 0 }}
      />
      {/* The icon is decoration; the words carry the outcome for everyone. */}
      <Box sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>{children}</Box>
    </Stack>
  );
}

export function RuleTester({ form, names }: RuleTesterProps) {
  const headingId = useId();
  const [click, setClick] = useState<Record<TextKey, string>>(() => {
    const blank = {} as Record<TextKey, string>;
    for (const { key } of TEXT_INPUTS) blank[key] = '';
    return blank;
  });
  const [targetRuleText, setTargetRuleText] = useState('');

  const evaluation = useMemo(
    () => evaluate(form, { ...click, targetRuleIds: splitList(targetRuleText) }),
    [form, click, targetRuleText],
  );

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography id={headingId} variant="subtitle2" component="h4" sx={{ mb: 1 }}>
        Rule tester
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Describe a conversion&apos;s click; empty fields count as not set.{' '}
        {TEXT_MATCH_CASE_SENSITIVE
          ? 'Source and sub values must match exactly, including upper and lower case; countries may be typed in any case.'
          : 'Values are compared ignoring upper and lower case.'}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gap: 1.5,
          gridTemplateColumns: 'repeat(auto-fill, minmax(11rem, 1fr))',
          mb: 2,
        }}
      >
        {TEXT_INPUTS.map(({ key, label, helper }) => (
          <TextField
            key={key}
            label={label}
            size="small"
            value={click[key]}
            onChange={(e) => setClick((c) => ({ ...c, [key]: e.target.value }))}
            {...(helper && { helperText: helper })}
            slotProps={{ htmlInput: { spellCheck: false } }}
          />
        ))}
        <TextField
          label="Target rule IDs"
          size="small"
          value={targetRuleText}
          onChange={(e) => setTargetRuleText(e.target.value)}
          helperText="IDs the click satisfies, e.g. 79, 80"
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
      </Box>

      <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0, mb: 2 }}>
        {evaluation.rules.map((verdict) => {
          const rule = form.rules[verdict.index];
          return (
            <li key={verdict.index}>
              <Outcome pass={verdict.pass}>
                <Typography variant="body2">
                  <strong>
                    Rule {verdict.index + 1} {verdict.pass ? 'passes' : 'fails'}
                  </strong>
                  {rule && `: ${describeRule(rule, names)}`}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {verdict.reason}
                </Typography>
              </Outcome>
            </li>
          );
        })}
        <li>
          <Outcome pass={evaluation.affiliateCovered}>
            <Typography variant="body2">
              <strong>Affiliate {evaluation.affiliateCovered ? 'covered' : 'not covered'}</strong>
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {evaluation.affiliateReason}
            </Typography>
          </Outcome>
        </li>
      </Stack>

      <Alert severity={evaluation.matches ? 'success' : 'warning'} role="status" aria-live="polite">
        {evaluation.matches
          ? 'This click matches the group'
          : 'This click does not match the group'}
      </Alert>
    </Box>
  );
}
