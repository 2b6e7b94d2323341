// The Review step: (editing) what the save changes against the server's copy, the group in plain
// words, the exact JSON and API call that "Create group"/"Save changes" sends (built by the same
// createInput/toPayload), and the rule tester.
import { useId, useMemo, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { createRequestPreview, updateRequestPreview } from '../api';
import { describeGroup, diffGroups, usesTargetRules, type GroupForm } from '../model';
import { lint } from '../model/lint';
import { createInput } from '../hooks/create-input';
import { CodeBlock, prettyJson } from './code-block';
import { CopyButton } from './copy-button';
import { useDescribeNames } from './describe-names';
import { RuleTester } from './rule-tester';
import { DiffView } from './diff-view';
import { SaveImpact } from './group-usage';
import { useWizardMode } from './wizard-mode';
import { GroupSummary, Section } from './group-summary';

/** One JSON parameter, pretty or raw (raw is byte-for-byte what is sent), with a copy button. */
function JsonParam({ name, raw }: { name: string; raw: string }) {
  const [tab, setTab] = useState<'pretty' | 'raw'>('pretty');
  const tabsId = useId();
  return (
    <Section
      headingLevel="h3"
      title={name}
      actions={<CopyButton text={raw} label={`Copy ${name}`} />}
    >
      <Tabs
        value={tab}
        onChange={(_, v: 'pretty' | 'raw') => setTab(v)}
        aria-label={`${name} format`}
        sx={{ minHeight: 36, mb: 1, '& .MuiTab-root': { minHeight: 36, py: 0.5 } }}
      >
        <Tab
          value="pretty"
          label="Pretty"
          id={`${tabsId}-pretty`}
          aria-controls={`${tabsId}-panel`}
        />
        <Tab value="raw" label="Raw" id={`${tabsId}-raw`} aria-controls={`${tabsId}-panel`} />
      </Tabs>
      <div role="tabpanel" id={`${tabsId}-panel`} aria-labelledby={`${tabsId}-${tab}`}>
        <CodeBlock
          label={`${name} (${tab})`}
          text={tab === 'pretty' ? prettyJson(raw) : raw}
          maxHeight={tab === 'pretty' ? 360 : 200}
        />
      </div>
    </Section>
  );
}

export function ReviewStep() {
  const { control } = useFormContext<GroupForm>();
  const form = useWatch({ control }) as GroupForm;
  const mode = useWizardMode();
  const base = mode.kind === 'edit' ? mode.base : undefined;
  // The server's copy too: the diff names a removed rule's target rules.
  const names = useDescribeNames(
    form.affiliateIds,
    usesTargetRules(form.rules) || usesTargetRules(base?.rules),
  );
  const input = useMemo(() => createInput(form), [form]);
  const groupId = mode.kind === 'edit' ? mode.groupId : undefined;
  const preview = useMemo(
    () =>
      groupId === undefined ? createRequestPreview(input) : updateRequestPreview(groupId, input),
    [input, groupId],
  );
  const diff = useMemo(() => (base ? diffGroups(base, form) : undefined), [base, form]);
  // Names for ids only in the server's copy (a removed affiliate) too.
  const baseNames = useDescribeNames(base?.affiliateIds ?? NO_IDS, false);
  const diffNames = useMemo(
    () => ({
      ...names,
      affiliates: { ...baseNames.affiliates, ...names.affiliates },
    }),
    [names, baseNames],
  );
  const lines = useMemo(() => describeGroup(form, names), [form, names]);
  const issues = useMemo(() => lint(form), [form]);
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');

  return (
    <Stack spacing={2.5}>
      {/* The heading is the wizard's (ReviewHeading): the action bar follows it in tab order. */}
      {mode.kind === 'edit' && mode.serverChange && (
        <Alert severity="warning">
          <Typography sx={{ fontWeight: 600, mb: 0.5 }}>
            Someone else changed this group after you started editing
          </Typography>
          <DiffView
            diff={mode.serverChange}
            names={diffNames}
            beforeLabel="the version you started from"
          />
        </Alert>
      )}
      {diff && (
        <Section headingLevel="h3" title="Changes to save">
          <DiffView diff={diff} names={diffNames} beforeLabel="the group on the server" />
          {/* Every save, not only one the removal confirmation stops: who it changes the pay of. */}
          {groupId !== undefined && (
            <Box sx={{ mt: 1.5 }}>
              <SaveImpact groupId={groupId} live={false} />
            </Box>
          )}
        </Section>
      )}

      {errors.length > 0 && (
        <Alert severity="error">
          {errors.length === 1 ? 'One problem needs' : `${errors.length} problems need`} fixing
          before the group can be {diff ? 'saved' : 'created'}:{' '}
          {errors.map((e) => e.message).join('; ')}.
        </Alert>
      )}
      {warnings.map((w) => (
        <Alert key={`${w.code}:${w.ruleIndex ?? ''}:${w.message}`} severity="warning">
          {w.ruleIndex !== undefined ? `Rule ${w.ruleIndex + 1}: ` : ''}
          {w.message}
        </Alert>
      ))}

      <Section headingLevel="h3" title="Summary">
        <Box
          component="dl"
          sx={{
            m: 0,
            display: 'grid',
            gridTemplateColumns: 'max-content 1fr',
            columnGap: 2,
            rowGap: 0.5,
          }}
        >
          <Typography component="dt" color="text.secondary">
            Name
          </Typography>
          <Typography component="dd" sx={{ m: 0, fontWeight: 600 }}>
            {input.name || '—'}
          </Typography>
          <Typography component="dt" color="text.secondary">
            Description
          </Typography>
          <Typography component="dd" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
            {input.description || <em>None</em>}
          </Typography>
        </Box>
        <Box sx={{ mt: 1.5 }}>
          <GroupSummary lines={lines} />
        </Box>
      </Section>

      {/* Full width: a rule per line fits without wrapping. */}
      <JsonParam name="rules_json" raw={input.payload.rules_json} />
      <JsonParam name="affiliate_ids_json" raw={input.payload.affiliate_ids_json} />

      <Section
        headingLevel="h3"
        title="API call"
        actions={<CopyButton text={preview.curl} label="Copy curl command" />}
      >
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          The same request as a curl command. The network token is a placeholder: the dashboard
          never shows the real one.
        </Typography>
        <CodeBlock label="curl command" text={preview.curl} maxHeight={240} />
      </Section>

      <Paper variant="outlined" sx={{ p: 2 }}>
        <RuleTester form={form} names={names} />
      </Paper>
    </Stack>
  );
}

const NO_IDS: string[] = [];
