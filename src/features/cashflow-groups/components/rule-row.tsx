// One rule of the builder: field, operator, negate, values, the rule in words and its lint.
// Memoised and subscribed to its own fields only, so a keystroke in one row never re-renders
// the other 199.
import { memo, useCallback, useId, type KeyboardEvent, type Ref } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { applyFieldChange, describeRule, operatorsFor } from '../model';
import {
  FIELD_LABELS,
  fieldKind,
  OPERATOR_WORDS,
  RULE_FIELDS,
  type GroupForm,
  type LintIssue,
  type Operator,
  type RuleField,
} from '../model/types';
import { NO_GLOBAL_STYLES } from './no-global-styles';
import { ValueEditor } from './value-editors';
import { VisuallyHidden } from './visually-hidden';
import { useTargetRuleNames } from './describe-names';

/** What a row asks of the list; one stable object for all rows, so memo holds. */
export interface RuleRowActions {
  move: (from: number, to: number) => void;
  duplicate: (index: number) => void;
  remove: (index: number) => void;
}

export interface RuleRowProps {
  index: number;
  isFirst: boolean;
  isLast: boolean;
  /** This row's lint issues (compared by content). */
  issues: readonly LintIssue[];
  actions: RuleRowActions;
}

const FIELD_SELECT_WIDTH = 250;
const SCHEMA_CHECKED = new Set<LintIssue['code']>([
  'empty-value',
  'invalid-country',
  'invalid-target-rule-id',
  'is-with-several-values',
]);
const OPERATOR_SELECT_WIDTH = 150;

function sameIssues(a: readonly LintIssue[], b: readonly LintIssue[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    return (
      y !== undefined &&
      x.code === y.code &&
      x.severity === y.severity &&
      x.message === y.message &&
      x.otherIndex === y.otherIndex
    );
  });
}

/** Lint arrays are rebuilt on every change; compare them by content so untouched rows skip. */
function sameProps(a: RuleRowProps, b: RuleRowProps): boolean {
  return (
    a.index === b.index &&
    a.isFirst === b.isFirst &&
    a.isLast === b.isLast &&
    a.actions === b.actions &&
    sameIssues(a.issues, b.issues)
  );
}

/**
 * The row's subscriptions to the form. A field-array change (add, remove, move) or a form-state
 * change re-renders every row's controllers; this part is cheap and hands plain values to
 * RuleRowView, which re-renders only when they differ. (With 1,000 rules, "Add rule" used to
 * re-render 1,000 full rows three times.)
 */
export const RuleRow = memo(function RuleRow({
  index,
  isFirst,
  isLast,
  issues,
  actions,
}: RuleRowProps) {
  const { control, getValues, setValue, clearErrors } = useFormContext<GroupForm>();
  const fieldCtl = useController({ control, name: `rules.${index}.field` });
  const operatorCtl = useController({ control, name: `rules.${index}.operator` });
  const negateCtl = useController({ control, name: `rules.${index}.negate` });
  const valuesCtl = useController({ control, name: `rules.${index}.values` });
  const targetRuleNames = useTargetRuleNames();
  const field = fieldCtl.field.value;

  const changeField = useCallback(
    (next: RuleField) => {
      const current = getValues(`rules.${index}`);
      setValue(`rules.${index}`, applyFieldChange(current, next), {
        shouldDirty: true,
        shouldTouch: true,
      });
      // Messages about the old field's values no longer apply.
      clearErrors(`rules.${index}`);
    },
    [getValues, setValue, clearErrors, index],
  );

  return (
    <RuleRowView
      index={index}
      isFirst={isFirst}
      isLast={isLast}
      issues={issues}
      actions={actions}
      field={field}
      operator={operatorCtl.field.value}
      negate={negateCtl.field.value}
      values={valuesCtl.field.value}
      valueError={valuesCtl.fieldState.error?.message}
      // Only target-rule rows show the names: the others need not re-render when they arrive.
      targetRuleNames={fieldKind(field) === 'target-rule' ? targetRuleNames : NO_NAMES}
      onFieldChange={changeField}
      fieldRef={fieldCtl.field.ref}
      onOperatorChange={operatorCtl.field.onChange}
      onOperatorBlur={operatorCtl.field.onBlur}
      onNegateChange={negateCtl.field.onChange}
      onNegateBlur={negateCtl.field.onBlur}
      onValuesChange={valuesCtl.field.onChange}
      onValuesBlur={valuesCtl.field.onBlur}
      valuesRef={valuesCtl.field.ref}
    />
  );
}, sameProps);

interface RuleRowViewProps extends RuleRowProps {
  field: RuleField;
  operator: Operator;
  negate: boolean;
  values: string[];
  valueError: string | undefined;
  targetRuleNames: Record<string, string>;
  onFieldChange: (next: RuleField) => void;
  fieldRef: Ref<HTMLInputElement>;
  onOperatorChange: (operator: Operator) => void;
  onOperatorBlur: () => void;
  onNegateChange: (negate: boolean) => void;
  onNegateBlur: () => void;
  onValuesChange: (values: string[]) => void;
  onValuesBlur: () => void;
  valuesRef: Ref<HTMLInputElement>;
}

const NO_NAMES: Record<string, string> = {};

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((v, i) => v === b[i]));
}

/** Everything by identity except the arrays, which the form may hand out as fresh copies. */
function sameViewProps(a: RuleRowViewProps, b: RuleRowViewProps): boolean {
  for (const key of Object.keys(a) as (keyof RuleRowViewProps)[]) {
    if (key === 'issues' || key === 'values') continue;
    if (a[key] !== b[key]) return false;
  }
  return sameIssues(a.issues, b.issues) && sameValues(a.values, b.values);
}

const RuleRowView = memo(function RuleRowView({
  index,
  isFirst,
  isLast,
  issues,
  actions,
  field,
  operator,
  negate,
  values,
  valueError,
  targetRuleNames,
  onFieldChange,
  fieldRef,
  onOperatorChange,
  onOperatorBlur,
  onNegateChange,
  onNegateBlur,
  onValuesChange,
  onValuesBlur,
  valuesRef,
}: RuleRowViewProps) {
  const titleId = useId();
  const sentenceId = useId();

  const number = index + 1;
  const sentence = describeRule(
    { field, operator, negate, values },
    { targetRules: targetRuleNames },
  );

  const offered = operatorsFor(field);
  // An imported rule may use an operator this field's editor does not offer: still show it.
  const operatorChoices: readonly Operator[] = offered.includes(operator)
    ? offered
    : [...offered, operator];

  // The schema and lint check some things alike; when the schema's message shows, skip lint's.
  const shownIssues =
    valueError === undefined ? issues : issues.filter((i) => !SCHEMA_CHECKED.has(i.code));

  const onKeyDownCapture = (event: KeyboardEvent<HTMLElement>) => {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowUp' && !isFirst) {
      event.preventDefault();
      event.stopPropagation();
      actions.move(index, index - 1);
    } else if (event.key === 'ArrowDown' && !isLast) {
      event.preventDefault();
      event.stopPropagation();
      actions.move(index, index + 1);
    }
  };

  return (
    <Box
      role="group"
      aria-labelledby={titleId}
      aria-describedby={sentenceId}
      data-rule-index={index}
      onKeyDownCapture={onKeyDownCapture}
      sx={{
        p: 1.5,
        borderRadius: 1,
        border: 1,
        borderColor:
          issues.some((i) => i.severity === 'error') || valueError ? 'error.light' : 'divider',
        bgcolor: 'background.paper',
        // Rows far off screen skip style, layout and paint until scrolled near: with 200 rules
        // that is most of them, and every keystroke's frame gets cheaper.
        contentVisibility: 'auto',
        containIntrinsicSize: 'auto 132px',
      }}
    >
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={1.5}
        sx={{ alignItems: { md: 'flex-start' } }}
      >
        <Typography
          id={titleId}
          component="h3"
          variant="subtitle2"
          sx={{ minWidth: 56, pt: { md: 1 }, color: 'text.secondary' }}
        >
          Rule {number}
        </Typography>
        <TextField
          select
          size="small"
          label="Field"
          value={field}
          onChange={(e) => onFieldChange(e.target.value as RuleField)}
          inputRef={fieldRef}
          sx={{ width: { md: FIELD_SELECT_WIDTH }, flexShrink: 0 }}
          slotProps={{
            input: NO_GLOBAL_STYLES,
            select: {
              renderValue: (v) => FIELD_LABELS[v as RuleField],
            },
          }}
        >
          {RULE_FIELDS.map((f) => (
            <MenuItem key={f} value={f}>
              <ListItemText primary={FIELD_LABELS[f]} sx={{ my: 0 }} />
              <Typography
                component="code"
                variant="caption"
                sx={{ ml: 2, color: 'text.secondary', fontFamily: 'monospace' }}
              >
                {f}
              </Typography>
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="Operator"
          value={operator}
          onChange={(e) => onOperatorChange(e.target.value as Operator)}
          onBlur={onOperatorBlur}
          sx={{ width: { md: OPERATOR_SELECT_WIDTH }, flexShrink: 0 }}
          slotProps={{ input: NO_GLOBAL_STYLES }}
        >
          {operatorChoices.map((op) => (
            <MenuItem key={op} value={op}>
              {OPERATOR_WORDS[op].label}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          label="Negate"
          sx={{ mr: 0, flexShrink: 0, height: 40 }}
          control={
            <Switch
              checked={negate}
              onChange={(e) => onNegateChange(e.target.checked)}
              onBlur={onNegateBlur}
            />
          }
        />
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <ValueEditor
            field={field}
            values={values}
            onChange={onValuesChange}
            onBlur={onValuesBlur}
            inputRef={valuesRef}
            error={valueError}
          />
        </Box>
        <Stack direction="row" sx={{ flexShrink: 0 }}>
          <Tooltip title="Move up (Alt+↑)">
            <span>
              <IconButton
                aria-label={`Move rule ${number} up`}
                aria-keyshortcuts="Alt+ArrowUp"
                disabled={isFirst}
                onClick={() => actions.move(index, index - 1)}
              >
                <ArrowUpwardIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
          <Tooltip title="Move down (Alt+↓)">
            <span>
              <IconButton
                aria-label={`Move rule ${number} down`}
                aria-keyshortcuts="Alt+ArrowDown"
                disabled={isLast}
                onClick={() => actions.move(index, index + 1)}
              >
                <ArrowDownwardIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
          <Tooltip title="Duplicate">
            <IconButton
              aria-label={`Duplicate rule ${number}`}
              onClick={() => actions.duplicate(index)}
            >
              <ContentCopyIcon fontSize="small" />
            </IconButton>
          </Tooltip>
          <Tooltip title="Remove">
            <IconButton aria-label={`Remove rule ${number}`} onClick={() => actions.remove(index)}>
              <DeleteOutlineIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </Stack>
      </Stack>
      <Typography
        id={sentenceId}
        variant="body2"
        sx={{ mt: 1, ml: { md: '68px' }, fontWeight: 500 }}
      >
        {sentence}
      </Typography>
      {shownIssues.length > 0 && (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mt: 0.5, ml: { md: '68px' } }}>
          {shownIssues.map((issue) => (
            <Typography
              component="li"
              variant="body2"
              key={`${issue.code}:${issue.otherIndex ?? ''}:${issue.message}`}
              sx={{
                display: 'flex',
                alignItems: 'center',
                gap: 0.5,
                color: issue.severity === 'error' ? 'error.main' : 'text.primary',
              }}
            >
              {issue.severity === 'error' ? (
                <ErrorOutlineIcon fontSize="inherit" aria-hidden />
              ) : (
                <WarningAmberIcon fontSize="inherit" color="warning" aria-hidden />
              )}
              <span>
                <VisuallyHidden>
                  {issue.severity === 'error' ? 'Error: ' : 'Warning: '}
                </VisuallyHidden>
                {issue.message}
              </span>
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
}, sameViewProps);
