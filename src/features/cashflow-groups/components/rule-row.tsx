// One rule of the builder: field, operator, negate, values, the rule in words and its lint.
// Memoised and subscribed to its own fields only, so a keystroke in one row never re-renders
// the other 199.
import {
  memo,
  startTransition,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type HTMLAttributes,
  type KeyboardEvent,
  type Ref,
  type RefObject,
} from 'react';
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
import { usePendingValues } from '../hooks/pending-values';
import { NO_GLOBAL_STYLES } from './no-global-styles';
import { ValueEditor } from './value-editors';
import { VisuallyHidden } from './visually-hidden';
import { useTargetRuleNames } from './describe-names';
import { RuleRowLite, type RowControl } from './rule-row-lite';
import { observeNearness } from './near-viewport';

/** What a row asks of the list; one stable object for all rows, so memo holds. */
export interface RuleRowActions {
  move: (from: number, to: number) => void;
  duplicate: (index: number) => void;
  remove: (index: number) => void;
}

export interface RuleRowProps {
  /** The rule's field-array id: what its unconfirmed value text is kept under. */
  rowKey: string;
  index: number;
  isFirst: boolean;
  isLast: boolean;
  /** This row's lint issues (compared by content). */
  issues: readonly LintIssue[];
  actions: RuleRowActions;
  /**
   * Mount as the full editor rather than the light stand-in (the first rows of a list, which
   * are on screen). Read once, at mount; later the row follows the viewport and focus.
   */
  eager?: boolean;
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
    a.rowKey === b.rowKey &&
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
  rowKey,
  index,
  isFirst,
  isLast,
  issues,
  actions,
  eager = false,
}: RuleRowProps) {
  const { control, getValues, setValue, clearErrors, trigger } = useFormContext<GroupForm>();
  const fieldCtl = useController({ control, name: `rules.${index}.field` });
  const operatorCtl = useController({ control, name: `rules.${index}.operator` });
  const negateCtl = useController({ control, name: `rules.${index}.negate` });
  const valuesCtl = useController({ control, name: `rules.${index}.values` });
  const field = fieldCtl.field.value;
  const targetRuleNames = useTargetRuleNames(fieldKind(field) === 'target-rule');
  const pending = usePendingValues();

  const changeField = useCallback(
    (next: RuleField) => {
      const current = getValues(`rules.${index}`);
      // Another kind of field gets another value box: the text typed in this one goes with it.
      if (fieldKind(next) !== fieldKind(current.field)) pending.set(rowKey, '');
      setValue(`rules.${index}`, applyFieldChange(current, next), {
        shouldDirty: true,
        shouldTouch: true,
      });
      // Messages about the old field's values no longer apply.
      clearErrors(`rules.${index}`);
    },
    [getValues, setValue, clearErrors, index, pending, rowKey],
  );

  // A message from an earlier check (Next, or a blur while empty) is checked again as soon as
  // a value arrives. Left to the box's blur, it went at the mouse-down on the next button
  // ("Add rule"): the row shrank by its line under the pointer and the click landed on nothing.
  const onValuesChange = valuesCtl.field.onChange;
  const hasValuesError = valuesCtl.fieldState.error !== undefined;
  const changeValues = useCallback(
    (next: string[]) => {
      onValuesChange(next);
      if (hasValuesError) void trigger(`rules.${index}.values`);
    },
    [onValuesChange, hasValuesError, trigger, index],
  );

  return (
    <RuleRowView
      rowKey={rowKey}
      index={index}
      isFirst={isFirst}
      isLast={isLast}
      issues={issues}
      actions={actions}
      eager={eager}
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
      onValuesChange={changeValues}
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
    if (key === 'issues' || key === 'values' || key === 'eager') continue;
    if (a[key] !== b[key]) return false;
  }
  return sameIssues(a.issues, b.issues) && sameValues(a.values, b.values);
}

const RuleRowView = memo(function RuleRowView(props: RuleRowViewProps) {
  const {
    rowKey,
    index,
    isFirst,
    isLast,
    issues,
    actions,
    eager,
    field,
    operator,
    negate,
    values,
    valueError,
    targetRuleNames,
    onNegateChange,
  } = props;
  const titleId = useId();
  const sentenceId = useId();
  const frameRef = useRef<HTMLDivElement>(null);
  const { live, onFocusCapture, onMouseDownCapture, onBlur } = useLiveRow(frameRef, eager === true);
  const pending = usePendingValues();

  const number = index + 1;
  const sentence = describeRule(
    { field, operator, negate, values },
    { targetRules: targetRuleNames },
  );

  // The schema and lint check some things alike; when the schema's message shows, skip lint's.
  const shownIssues =
    valueError === undefined ? issues : issues.filter((i) => !SCHEMA_CHECKED.has(i.code));
  const invalid = valueError !== undefined || issues.some((i) => i.severity === 'error');

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
    <div
      ref={frameRef}
      role="group"
      aria-labelledby={titleId}
      aria-describedby={sentenceId}
      data-rule-index={index}
      className={invalid ? 'rb-row rb-row-invalid' : 'rb-row'}
      onKeyDownCapture={onKeyDownCapture}
      onFocusCapture={onFocusCapture}
      onMouseDownCapture={onMouseDownCapture}
      onBlur={onBlur}
    >
      {live ? (
        <RuleRowFull
          {...props}
          number={number}
          titleId={titleId}
          sentenceId={sentenceId}
          sentence={sentence}
          shownIssues={shownIssues}
        />
      ) : (
        <RuleRowLite
          number={number}
          titleId={titleId}
          sentenceId={sentenceId}
          isFirst={isFirst}
          isLast={isLast}
          field={field}
          operator={operator}
          negate={negate}
          values={values}
          valueError={valueError}
          // Only a resumed draft leaves text here for a light row: the full editor's box gives
          // its text up on blur, before the row can turn light again.
          pendingText={pending.get(rowKey)}
          sentence={sentence}
          shownIssues={shownIssues}
          targetRuleNames={targetRuleNames}
          onNegateChange={onNegateChange}
          onMove={(to) => actions.move(index, to === 'up' ? index - 1 : index + 1)}
          onDuplicate={() => actions.duplicate(index)}
          onRemove={() => actions.remove(index)}
          fieldRef={props.fieldRef}
          valuesRef={props.valuesRef}
        />
      )}
    </div>
  );
}, sameViewProps);

/** Marks the full row's control that takes focus over from the same control of the light row. */
function handOverTarget(control: RowControl): HTMLAttributes<HTMLElement> {
  return { 'data-rb': control } as HTMLAttributes<HTMLElement>;
}

/** Rows mount full while observing is impossible (tests in jsdom, very old browsers). */
const CAN_OBSERVE = typeof IntersectionObserver !== 'undefined';

/**
 * Whether the row shows the full editor: near the viewport, or holding focus. A light row that
 * takes focus (Tab, a click, RHF's focus after "Add rule" or on an error) turns full at once and
 * hands focus to the same control; a click on a select or the value box also opens it.
 */
function useLiveRow(frameRef: RefObject<HTMLDivElement | null>, eager: boolean) {
  const [live, setLive] = useState(eager || !CAN_OBSERVE);
  const near = useRef(eager);
  const pointer = useRef(false);
  const handOver = useRef<{ control: RowControl; open: boolean } | null>(null);

  const holdsFocus = () => {
    const frame = frameRef.current;
    return frame !== null && frame.contains(document.activeElement);
  };

  useEffect(() => {
    const frame = frameRef.current;
    if (!frame || !CAN_OBSERVE) return;
    return observeNearness(frame, (isNear) => {
      near.current = isNear;
      // Off screen but focused (scrolled away by wheel): stays full, focus must not drop.
      if (isNear || !holdsFocus()) startTransition(() => setLive(isNear));
    });
    // frameRef is a ref: stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useLayoutEffect(() => {
    const pending = handOver.current;
    if (!live || !pending) return;
    handOver.current = null;
    const target = frameRef.current?.querySelector<HTMLElement>(`[data-rb="${pending.control}"]`);
    if (!target) return;
    target.focus();
    // The press landed on the stand-in: open the real select or list, as the press would have.
    if (pending.open) {
      target.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    }
  }, [live, frameRef]);

  const onFocusCapture = (event: FocusEvent<HTMLElement>) => {
    if (live) return;
    const control = (event.target as HTMLElement).dataset.rb as RowControl | undefined;
    if (!control) return;
    handOver.current = {
      control,
      open:
        pointer.current && (control === 'field' || control === 'operator' || control === 'value'),
    };
    pointer.current = false;
    setLive(true);
  };

  const onMouseDownCapture = () => {
    if (!live) pointer.current = true;
  };

  const onBlur = () => {
    pointer.current = false;
    // Focus has moved on: once it is outside the row and the row is off screen, go light.
    requestAnimationFrame(() => {
      if (!near.current && !holdsFocus() && CAN_OBSERVE) startTransition(() => setLive(false));
    });
  };

  return { live, onFocusCapture, onMouseDownCapture, onBlur };
}

interface RuleRowFullProps extends RuleRowViewProps {
  number: number;
  titleId: string;
  sentenceId: string;
  sentence: string;
  shownIssues: readonly LintIssue[];
}

function RuleRowFull({
  rowKey,
  index,
  isFirst,
  isLast,
  actions,
  field,
  operator,
  negate,
  values,
  valueError,
  onFieldChange,
  fieldRef,
  onOperatorChange,
  onOperatorBlur,
  onNegateChange,
  onNegateBlur,
  onValuesChange,
  onValuesBlur,
  valuesRef,
  number,
  titleId,
  sentenceId,
  sentence,
  shownIssues,
}: RuleRowFullProps) {
  const offered = operatorsFor(field);
  // An imported rule may use an operator this field's editor does not offer: still show it.
  const operatorChoices: readonly Operator[] = offered.includes(operator)
    ? offered
    : [...offered, operator];

  return (
    <>
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
              SelectDisplayProps: handOverTarget('field'),
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
          slotProps={{
            input: NO_GLOBAL_STYLES,
            select: { SelectDisplayProps: handOverTarget('operator') },
          }}
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
              slotProps={{ input: handOverTarget('negate') }}
            />
          }
        />
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <ValueEditor
            pendingKey={rowKey}
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
                data-rb="up"
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
                data-rb="down"
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
              data-rb="dup"
              onClick={() => actions.duplicate(index)}
            >
              <ContentCopyIcon fontSize="small" />
            </IconButton>
          </Tooltip>
          <Tooltip title="Remove">
            <IconButton
              aria-label={`Remove rule ${number}`}
              data-rb="remove"
              onClick={() => actions.remove(index)}
            >
              <DeleteOutlineIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </Stack>
      </Stack>
      <Typography
        id={sentenceId}
        variant="body2"
        // A 600-character value is one word: broken anywhere, it stays inside the card.
        sx={{ mt: 1, ml: { md: '68px' }, fontWeight: 500, overflowWrap: 'anywhere' }}
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
    </>
  );
}
