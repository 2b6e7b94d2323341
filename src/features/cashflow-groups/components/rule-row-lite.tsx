// A rule row's light stand-in: the same labelled controls, text and layout in plain elements
// (one global stylesheet, no MUI component per control), for rows away from the viewport. The
// row becomes the full MUI editor when it nears the viewport (near-viewport.ts, one shared
// IntersectionObserver) or when anything in it takes focus (Tab, a click, a focus() call); focus
// then moves to the same control in the full row. Buttons and the switch act at once.
//
// Own code in place of MUI's on purpose, and measured (docs/architecture.md, "Libraries before
// own code"). A full row of MUI selects, switch, Autocomplete and tooltips took about 15 ms to
// mount (profiled). With light rows away from the viewport (A/B, bench/changes.md "Light rows
// away from the viewport"): resuming a draft of 50, 200 and 1,000 rules 1,785 → 851 ms,
// 6,651 → 702 ms and 26,738 → 2,666 ms; keystroke frame p95 at 200 rules 122 → 56 ms; opening
// Review at 200 rules 422 → 306 ms. Today's figures (bench/report.md section 4, "Rule builder at
// scale"): keystroke Event Timing p95 16 ms at 50, 200 and 1,000 rules, frame median 11.2, 9.9
// and 13.5 ms; resuming 506, 535 and 954 ms. MUI offers no light mode for a row, and a
// virtualiser (the usual library answer) would take the far rows out of the page: every row
// here stays in it, so find-in-page, Tab order and the screen reader's row count are unchanged.
import { memo, useId, type MouseEvent } from 'react';
import GlobalStyles from '@mui/material/GlobalStyles';
import { countryName, isCountryCode } from '../model';
import {
  FIELD_LABELS,
  fieldKind,
  OPERATOR_WORDS,
  type LintIssue,
  type Operator,
  type RuleField,
} from '../model/types';

/** Which control of a row an element is (the same in the light and the full row). */
export type RowControl =
  'field' | 'operator' | 'negate' | 'value' | 'up' | 'down' | 'dup' | 'remove';

export interface RuleRowLiteProps {
  number: number;
  titleId: string;
  sentenceId: string;
  isFirst: boolean;
  isLast: boolean;
  field: RuleField;
  operator: Operator;
  negate: boolean;
  values: string[];
  valueError: string | undefined;
  /** Value text typed but not confirmed (a restored draft's), shown in the box as typed. */
  pendingText: string;
  sentence: string;
  shownIssues: readonly LintIssue[];
  targetRuleNames: Record<string, string>;
  onNegateChange: (negate: boolean) => void;
  onMove: (to: 'up' | 'down') => void;
  onDuplicate: () => void;
  onRemove: () => void;
  fieldRef: React.Ref<HTMLDivElement>;
  valuesRef: React.Ref<HTMLInputElement>;
}

const outline = 'rgba(var(--mui-palette-common-onBackgroundChannel) / 0.23)';
const ICONS = {
  drop: 'M7 10l5 5 5-5z',
  up: 'm4 12 1.41 1.41L11 7.83V20h2V7.83l5.58 5.59L20 12l-8-8z',
  down: 'm20 12-1.41-1.41L13 16.17V4h-2v12.17l-5.58-5.59L4 12l8 8z',
  dup: 'M16 1H4c-1.1 0-2 .9-2 2v14h2V3h12zm3 4H8c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h11c1.1 0 2-.9 2-2V7c0-1.1-.9-2-2-2m0 16H8V7h11z',
  remove: 'M16 9v10H8V9zm-1.5-6h-5l-1 1H5v2h14V4h-3.5zM18 7H6v12c0 1.1.9 2 2 2h8c1.1 0 2-.9 2-2z',
  error:
    'M11 15h2v2h-2zm0-8h2v6h-2zm.99-5C6.47 2 2 6.48 2 12s4.47 10 9.99 10C17.52 22 22 17.52 22 12S17.52 2 11.99 2M12 20c-4.42 0-8-3.58-8-8s3.58-8 8-8 8 3.58 8 8-3.58 8-8 8',
  cancel:
    'M12 2C6.47 2 2 6.47 2 12s4.47 10 10 10 10-4.47 10-10S17.53 2 12 2m5 13.59L15.59 17 12 13.41 8.41 17 7 15.59 10.59 12 7 8.41 8.41 7 12 10.59 15.59 7 17 8.41 13.41 12z',
  warning: 'M12 5.99 19.53 19H4.47zM12 2 1 21h22zm1 14h-2v2h2zm0-6h-2v4h2z',
} as const;

/** The input of a value box with a list to pick from, closed. */
const PICKER_ROLE = {
  role: 'combobox',
  'aria-autocomplete': 'list',
  'aria-expanded': false,
} as const;

function Icon({ d, className }: { d: string; className?: string }) {
  return (
    <svg className={className ?? 'rbl-icon'} viewBox="0 0 24 24" aria-hidden focusable="false">
      <path d={d} />
    </svg>
  );
}

/** The rows' frame and the light rows' stylesheet, once for the list (MUI's CSS variables keep both themes). */
export function RuleRowLiteStyles() {
  return <GlobalStyles styles={LITE_CSS} />;
}

/** The space between rule rows, and a row's usual height (what the browser reserves for a row,
 * or a block of rows, it has not laid out yet). */
export const ROW_GAP = 12;
export const ROW_HEIGHT_ESTIMATE = 132;

const LITE_CSS = {
  // The list, in blocks of rows (rules-step.tsx): a block off screen is skipped whole, so a
  // keystroke's layout and hit test visit a few dozen blocks, not every row.
  '.rb-list, .rb-block': { display: 'flex', flexDirection: 'column', gap: ROW_GAP },
  '.rb-block': { contentVisibility: 'auto' },
  // The row's frame, full or light.
  '.rb-row': {
    padding: 12,
    borderRadius: 8,
    border: '1px solid var(--mui-palette-divider)',
    background: 'var(--mui-palette-background-paper)',
    // Rows far off screen skip style, layout and paint until scrolled near.
    contentVisibility: 'auto',
    containIntrinsicSize: `auto ${ROW_HEIGHT_ESTIMATE}px`,
  },
  '.rb-row-invalid': { borderColor: 'var(--mui-palette-error-light)' },
  '.rbl-line': {
    display: 'flex',
    flexDirection: 'column',
    gap: 12,
    '@media (min-width: 900px)': { flexDirection: 'row', alignItems: 'flex-start' },
  },
  '.rbl-title': {
    margin: 0,
    minWidth: 56,
    font: 'var(--mui-font-subtitle2)',
    color: 'var(--mui-palette-text-secondary)',
    '@media (min-width: 900px)': { paddingTop: 8 },
  },
  '.rbl-box': {
    position: 'relative',
    boxSizing: 'border-box',
    minHeight: 40,
    border: `1px solid ${outline}`,
    borderRadius: 8,
    font: 'var(--mui-font-body1)',
    lineHeight: '1.4375em',
    color: 'var(--mui-palette-text-primary)',
    cursor: 'text',
    '&:hover': { borderColor: 'var(--mui-palette-text-primary)' },
  },
  '.rbl-select': {
    display: 'flex',
    alignItems: 'center',
    padding: '7.5px 32px 7.5px 14px',
    cursor: 'pointer',
    flexShrink: 0,
  },
  '.rbl-select > div': {
    flexGrow: 1,
    minWidth: 0,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    outline: 'none',
  },
  '.rbl-field': { '@media (min-width: 900px)': { width: 250 } },
  '.rbl-operator': { '@media (min-width: 900px)': { width: 150 } },
  '.rbl-label': {
    position: 'absolute',
    top: -9,
    left: 9,
    padding: '0 5px',
    fontSize: '0.75rem',
    lineHeight: '1.4375em',
    letterSpacing: '0.00938em',
    color: 'var(--mui-palette-text-secondary)',
    background: 'var(--mui-palette-background-paper)',
    pointerEvents: 'none',
    whiteSpace: 'nowrap',
  },
  '.rbl-drop': {
    position: 'absolute',
    right: 7,
    top: 'calc(50% - 12px)',
    width: 24,
    height: 24,
    fill: 'var(--mui-palette-action-active)',
    pointerEvents: 'none',
  },
  '.rbl-drop-value': { right: 9 },
  '.rbl-negate': {
    display: 'inline-flex',
    alignItems: 'center',
    height: 40,
    flexShrink: 0,
    cursor: 'pointer',
    font: 'var(--mui-font-body1)',
    color: 'var(--mui-palette-text-primary)',
  },
  '.rbl-switch': {
    position: 'relative',
    display: 'inline-block',
    width: 58,
    height: 38,
    padding: 12,
    boxSizing: 'border-box',
    flexShrink: 0,
  },
  '.rbl-switch input': {
    position: 'absolute',
    inset: 0,
    width: '100%',
    height: '100%',
    margin: 0,
    opacity: 0,
    cursor: 'pointer',
  },
  '.rbl-track': {
    display: 'block',
    width: '100%',
    height: '100%',
    borderRadius: 7,
    background: 'var(--mui-palette-common-onBackground)',
    opacity: 0.38,
  },
  '.rbl-thumb': {
    position: 'absolute',
    top: 9,
    left: 9,
    width: 20,
    height: 20,
    borderRadius: '50%',
    background: 'var(--mui-palette-Switch-defaultColor)',
    boxShadow: 'var(--mui-shadows-1)',
    pointerEvents: 'none',
  },
  '.rbl-switch input:checked ~ .rbl-track': {
    background: 'var(--mui-palette-primary-main)',
    opacity: 0.5,
  },
  '.rbl-switch input:checked ~ .rbl-thumb': {
    left: 29,
    background: 'var(--mui-palette-primary-main)',
  },
  '.rbl-value-wrap': { flexGrow: 1, minWidth: 0 },
  '.rbl-value': {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    padding: 6,
  },
  '.rbl-value-popup': { paddingRight: 39 },
  '.rbl-value input': {
    flexGrow: 1,
    minWidth: 30,
    width: 0,
    border: 0,
    margin: 0,
    padding: '2.5px 4px 2.5px 8px',
    font: 'inherit',
    color: 'inherit',
    background: 'none',
    outline: 'none',
    boxSizing: 'content-box',
    height: '1.4375em',
  },
  '.rbl-value input::placeholder': { color: 'currentColor', opacity: 0.42 },
  '.rbl-chip': {
    display: 'inline-flex',
    alignItems: 'center',
    height: 24,
    maxWidth: 'calc(100% - 4px)',
    margin: 2,
    padding: '0 8px',
    borderRadius: 16,
    boxSizing: 'border-box',
    fontSize: '0.8125rem',
    background: 'var(--mui-palette-action-selected)',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  '.rbl-chip > span': { overflow: 'hidden', textOverflow: 'ellipsis' },
  '.rbl-chip-delete': {
    width: 16,
    height: 16,
    margin: '0 -4px 0 4px',
    flexShrink: 0,
    fill: 'rgba(var(--mui-palette-text-primaryChannel) / 0.26)',
  },
  '.rbl-chip-error .rbl-chip-delete': { fill: 'rgba(255 255 255 / 0.7)' },
  '.rbl-chip-error': {
    background: 'var(--mui-palette-error-main)',
    color: 'var(--mui-palette-error-contrastText)',
  },
  '.rbl-invalid': { borderColor: 'var(--mui-palette-error-main)' },
  '.rbl-invalid .rbl-label, .rbl-helper-error': { color: 'var(--mui-palette-error-main)' },
  '.rbl-helper': {
    margin: '3px 14px 0',
    font: 'var(--mui-font-caption)',
    color: 'var(--mui-palette-text-secondary)',
  },
  '.rbl-buttons': { display: 'flex', flexShrink: 0 },
  '.rbl-button': {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: 36,
    height: 36,
    padding: 8,
    border: 0,
    borderRadius: '50%',
    background: 'none',
    color: 'var(--mui-palette-action-active)',
    cursor: 'pointer',
    '&:disabled': { color: 'var(--mui-palette-action-disabled)', cursor: 'default' },
    '&:hover:not(:disabled)': { background: 'var(--mui-palette-action-hover)' },
  },
  '.rbl-icon': { width: 20, height: 20, fill: 'currentColor' },
  '.rbl-sentence': {
    margin: '8px 0 0',
    font: 'var(--mui-font-body2)',
    fontWeight: 500,
    // A 600-character value is one word: broken anywhere, it stays inside the card.
    overflowWrap: 'anywhere',
    '@media (min-width: 900px)': { marginLeft: 68 },
  },
  '.rbl-issues': {
    listStyle: 'none',
    padding: 0,
    margin: '4px 0 0',
    '@media (min-width: 900px)': { marginLeft: 68 },
  },
  '.rbl-issues li': {
    display: 'flex',
    alignItems: 'center',
    gap: 4,
    font: 'var(--mui-font-body2)',
  },
  '.rbl-issue-error': { color: 'var(--mui-palette-error-main)' },
  '.rbl-issue-icon': { width: '1em', height: '1em', fill: 'currentColor', flexShrink: 0 },
  '.rbl-issue-warning .rbl-issue-icon': { fill: 'var(--mui-palette-warning-main)' },
  '.rbl-hidden': {
    position: 'absolute',
    width: 1,
    height: 1,
    padding: 0,
    margin: -1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
} as const;

/** Mouse down on a button or the switch does not focus it (focus would swap in the full row). */
const keepFocus = (event: MouseEvent) => event.preventDefault();

/** One of the light row's action buttons: an icon with its words as label and title. */
function LiteButton({
  rb,
  icon,
  label,
  title,
  shortcut,
  disabled,
  onClick,
}: {
  /** The control the full row hands focus to (`data-rb`). */
  rb: string;
  icon: keyof typeof ICONS;
  label: string;
  title: string;
  shortcut?: string;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="rbl-button"
      aria-label={label}
      aria-keyshortcuts={shortcut}
      title={title}
      disabled={disabled}
      onMouseDown={keepFocus}
      onClick={onClick}
      data-rb={rb}
    >
      <Icon d={ICONS[icon]} />
    </button>
  );
}

function chipLabel(field: RuleField, value: string, names: Record<string, string>) {
  switch (fieldKind(field)) {
    case 'country':
      return isCountryCode(value) ? value : `${value} (unknown)`;
    case 'target-rule': {
      const name = names[value];
      return name ? `${name} (#${value})` : `#${value}`;
    }
    case 'text':
      return value;
  }
}

const PLACEHOLDER = {
  country: 'Search countries by name or code',
  'target-rule': 'Search target rules by name or ID',
  text: 'Type, then Enter',
} as const;

export const RuleRowLite = memo(function RuleRowLite({
  number,
  titleId,
  sentenceId,
  isFirst,
  isLast,
  field,
  operator,
  negate,
  values,
  valueError,
  pendingText,
  sentence,
  shownIssues,
  targetRuleNames,
  onNegateChange,
  onMove,
  onDuplicate,
  onRemove,
  fieldRef,
  valuesRef,
}: RuleRowLiteProps) {
  const id = useId();
  const kind = fieldKind(field);
  return (
    <>
      <div className="rbl-line">
        <h3 id={titleId} className="rbl-title">
          Rule {number}
        </h3>
        <div className="rbl-box rbl-select rbl-field">
          <span className="rbl-label" id={`${id}-field`}>
            Field
          </span>
          <div
            // Closed, as MUI's own: no list exists to control yet.
            // eslint-disable-next-line jsx-a11y/role-has-required-aria-props
            role="combobox"
            tabIndex={0}
            ref={fieldRef}
            aria-labelledby={`${id}-field`}
            aria-haspopup="listbox"
            aria-expanded="false"
            data-rb="field"
          >
            {FIELD_LABELS[field]}
          </div>
          <Icon d={ICONS.drop} className="rbl-drop" />
        </div>
        <div className="rbl-box rbl-select rbl-operator">
          <span className="rbl-label" id={`${id}-op`}>
            Operator
          </span>
          <div
            // Closed, as MUI's own: no list exists to control yet.
            // eslint-disable-next-line jsx-a11y/role-has-required-aria-props
            role="combobox"
            tabIndex={0}
            aria-labelledby={`${id}-op`}
            aria-haspopup="listbox"
            aria-expanded="false"
            data-rb="operator"
          >
            {OPERATOR_WORDS[operator].label}
          </div>
          <Icon d={ICONS.drop} className="rbl-drop" />
        </div>
        <label className="rbl-negate">
          <span className="rbl-switch">
            <input
              type="checkbox"
              role="switch"
              checked={negate}
              onChange={(e) => onNegateChange(e.target.checked)}
              onMouseDown={keepFocus}
              data-rb="negate"
            />
            <span className="rbl-track" />
            <span className="rbl-thumb" />
          </span>
          Negate
        </label>
        <div className="rbl-value-wrap">
          <div
            className={`rbl-box rbl-value${kind === 'text' ? '' : ' rbl-value-popup'}${valueError !== undefined ? ' rbl-invalid' : ''}`}
          >
            <label className="rbl-label" htmlFor={`${id}-value`}>
              Value
            </label>
            {values.map((v) => (
              <span
                key={v}
                className={
                  kind === 'country' && !isCountryCode(v) ? 'rbl-chip rbl-chip-error' : 'rbl-chip'
                }
                title={kind === 'country' ? (countryName(v) ?? undefined) : undefined}
              >
                <span>{chipLabel(field, v, targetRuleNames)}</span>
                <Icon d={ICONS.cancel} className="rbl-chip-delete" />
              </span>
            ))}
            <input
              id={`${id}-value`}
              ref={valuesRef}
              // A picker's box is a closed combobox, as MUI's own (no list exists to control
              // yet); free text is a plain text box, as its full editor.
              {...(kind === 'text' ? {} : PICKER_ROLE)}
              aria-invalid={valueError !== undefined}
              aria-describedby={valueError !== undefined ? `${id}-helper` : undefined}
              autoComplete="off"
              placeholder={values.length === 0 ? PLACEHOLDER[kind] : undefined}
              value={pendingText}
              readOnly
              data-rb="value"
            />
            {kind !== 'text' && <Icon d={ICONS.drop} className="rbl-drop rbl-drop-value" />}
          </div>
          {valueError !== undefined && (
            <p id={`${id}-helper`} className="rbl-helper rbl-helper-error">
              {valueError}
            </p>
          )}
        </div>
        <div className="rbl-buttons">
          <LiteButton
            rb="up"
            icon="up"
            label={`Move rule ${number} up`}
            title="Move up (Alt+↑)"
            shortcut="Alt+ArrowUp"
            disabled={isFirst}
            onClick={() => onMove('up')}
          />
          <LiteButton
            rb="down"
            icon="down"
            label={`Move rule ${number} down`}
            title="Move down (Alt+↓)"
            shortcut="Alt+ArrowDown"
            disabled={isLast}
            onClick={() => onMove('down')}
          />
          <LiteButton
            rb="dup"
            icon="dup"
            label={`Duplicate rule ${number}`}
            title="Duplicate"
            onClick={onDuplicate}
          />
          <LiteButton
            rb="remove"
            icon="remove"
            label={`Remove rule ${number}`}
            title="Remove"
            onClick={onRemove}
          />
        </div>
      </div>
      <p id={sentenceId} className="rbl-sentence">
        {sentence}
      </p>
      {shownIssues.length > 0 && (
        <ul className="rbl-issues">
          {shownIssues.map((issue) => (
            <li
              key={`${issue.code}:${issue.otherIndex ?? ''}:${issue.message}`}
              className={issue.severity === 'error' ? 'rbl-issue-error' : 'rbl-issue-warning'}
            >
              <Icon
                d={issue.severity === 'error' ? ICONS.error : ICONS.warning}
                className="rbl-issue-icon"
              />
              <span>
                <span className="rbl-hidden">
                  {issue.severity === 'error' ? 'Error: ' : 'Warning: '}
                </span>
                {issue.message}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
});
