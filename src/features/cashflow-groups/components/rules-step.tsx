// The rule builder step: the list of rule rows, add/duplicate/remove/move, lint, JSON import.
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import FileUploadOutlinedIcon from '@mui/icons-material/FileUploadOutlined';
import { emptyRule } from '../model';
import { lint } from '../model/lint';
import type { GroupForm, LintIssue, RuleForm } from '../model/types';
import { usePendingRows } from '../hooks/pending-values';
import { ImportDialog } from './import-dialog';
import { RuleRow, type RuleRowActions } from './rule-row';
import { ROW_GAP, ROW_HEIGHT_ESTIMATE, RuleRowLiteStyles } from './rule-row-lite';
import { partitionRows, type RowBlock } from './row-blocks';

const NO_ISSUES: readonly LintIssue[] = [];
/** Rows that mount as full editors (the top of the list, on screen when the step opens). */
const EAGER_ROWS = 8;

/** The id of the row that holds focus, in the order the list last rendered (`blocks`). */
function focusedRowId(blocks: readonly RowBlock[]): string | undefined {
  const row = document.activeElement?.closest<HTMLElement>('.rb-list [data-rule-index]');
  if (!row) return undefined;
  return blocks.flatMap((b) => b.ids)[Number(row.dataset.ruleIndex)];
}

/**
 * The rows in blocks the browser skips while off screen (see row-blocks.ts): a block keeps its
 * rows across edits, and the row holding focus never changes block.
 */
function useRowBlocks(ids: readonly string[]): RowBlock[] {
  const [state, setState] = useState(() => ({ ids, blocks: partitionRows(ids, []) }));
  if (state.ids === ids) return state.blocks;
  // Rows changed: blocks follow from the last ones (React's pattern for state derived from a
  // previous render). Focus is read as it stands before this render commits: the edit was made
  // from the focused row, and that row must not mount again.
  const blocks = partitionRows(ids, state.blocks, focusedRowId(state.blocks));
  setState({ ids, blocks });
  return blocks;
}

/** Lint issues grouped by the rule they concern; the rest concern the group as a whole. */
export function groupIssues(issues: readonly LintIssue[]): {
  byRule: Map<number, LintIssue[]>;
  group: LintIssue[];
} {
  const byRule = new Map<number, LintIssue[]>();
  const group: LintIssue[] = [];
  for (const issue of issues) {
    if (issue.ruleIndex === undefined) {
      group.push(issue);
      continue;
    }
    const list = byRule.get(issue.ruleIndex);
    if (list) list.push(issue);
    else byRule.set(issue.ruleIndex, [issue]);
  }
  return { byRule, group };
}

function sameIssueList(a: readonly LintIssue[], b: readonly LintIssue[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      return (
        y !== undefined &&
        x.code === y.code &&
        x.message === y.message &&
        x.ruleIndex === y.ruleIndex &&
        x.otherIndex === y.otherIndex
      );
    })
  );
}

/**
 * Lint of the whole form, once per change, off the typing path: a form subscription (no
 * re-render of the list per keystroke) schedules it as a transition, and an unchanged result
 * keeps the previous array, so the list does not re-render at all when nothing new is found.
 */
export function useLint(): readonly LintIssue[] {
  const { watch, getValues } = useFormContext<GroupForm>();
  const [issues, setIssues] = useState<readonly LintIssue[]>(() => lint(getValues()));
  useEffect(() => {
    const sub = watch(() => {
      startTransition(() =>
        setIssues((prev) => {
          const next = lint(getValues());
          return sameIssueList(prev, next) ? prev : next;
        }),
      );
    });
    return () => sub.unsubscribe();
  }, [watch, getValues]);
  return issues;
}

export function RulesStep() {
  const { control, getValues, setValue } = useFormContext<GroupForm>();
  const { fields, append, insert, remove, move, replace } = useFieldArray({
    control,
    name: 'rules',
  });
  const issues = useLint();
  const { byRule, group } = useMemo(() => groupIssues(issues), [issues]);
  const [importOpen, setImportOpen] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  // One actions object for every row; the field-array helpers it uses are stable.
  const actions = useMemo<RuleRowActions>(() => {
    const focusAfterRender = (find: () => HTMLElement | null | undefined) => {
      requestAnimationFrame(() => find()?.focus());
    };
    return {
      move(from, to) {
        // Moving a row re-inserts its DOM node, which drops focus: put it back where it was,
        // or on the row's other move button when the one pressed is now disabled.
        const active =
          document.activeElement instanceof HTMLElement ? document.activeElement : null;
        move(from, to);
        focusAfterRender(() => {
          if (!active || !active.isConnected) return null;
          if (active instanceof HTMLButtonElement && active.disabled) {
            return active
              .closest<HTMLElement>('[data-rule-index]')
              ?.querySelector<HTMLButtonElement>('button[aria-keyshortcuts]:not(:disabled)');
          }
          return document.activeElement === active ? null : active;
        });
      },
      duplicate(index) {
        insert(index + 1, structuredClone(getValues(`rules.${index}`)));
      },
      remove(index) {
        const count = getValues('rules').length;
        remove(index);
        // Focus stays in the list: on the row that took this one's place, else "Add rule".
        focusAfterRender(() => {
          const next = Math.min(index, count - 2);
          if (next < 0) return addRef.current;
          return listRef.current?.querySelector<HTMLButtonElement>(
            `[data-rule-index="${next}"] button[aria-label="Remove rule ${next + 1}"]`,
          );
        });
      },
    };
  }, [insert, remove, move, getValues]);

  const onImport = useCallback(
    (result: {
      rules: RuleForm[];
      affiliateIds: string[];
      name?: string;
      description?: string;
    }) => {
      // Hundreds of imported rows take a while to mount: as a transition the page stays
      // responsive meanwhile.
      startTransition(() => {
        replace(result.rules);
        setValue('affiliateIds', result.affiliateIds, { shouldDirty: true });
        setValue('affiliateMode', result.affiliateIds.length > 0 ? 'selected' : 'all', {
          shouldDirty: true,
        });
        // Imported name/description only fill empty fields: never overwrite what was typed.
        if (result.name && getValues('name').trim() === '') {
          setValue('name', result.name, { shouldDirty: true });
        }
        if (result.description && getValues('description').trim() === '') {
          setValue('description', result.description, { shouldDirty: true });
        }
      });
      setImportOpen(false);
    },
    [replace, setValue, getValues],
  );

  const ruleCount = fields.length;
  const ids = useMemo(() => fields.map((f) => f.id), [fields]);
  const indexOf = useMemo(() => new Map(ids.map((id, i) => [id, i])), [ids]);
  const blocks = useRowBlocks(ids);
  usePendingRows(ids);

  return (
    <Stack spacing={2}>
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={1}
        sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' } }}
      >
        <div>
          <Typography variant="h6" component="h2">
            Rules
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {ruleCount === 0
              ? 'No rules yet: without rules the group matches every conversion of its affiliates.'
              : `${ruleCount} ${ruleCount === 1 ? 'rule' : 'rules'}; a conversion must match all of them.`}
          </Typography>
          {ruleCount > 0 && (
            <Typography variant="body2" color="text.secondary">
              Values: type one and press Enter or a comma; a pasted list is split. Alt+↑/↓ moves a
              rule.
            </Typography>
          )}
        </div>
        <Button
          variant="outlined"
          startIcon={<FileUploadOutlinedIcon />}
          onClick={() => setImportOpen(true)}
        >
          Import JSON
        </Button>
      </Stack>

      {group.map((issue) => (
        <Alert key={`${issue.code}:${issue.message}`} severity={issue.severity}>
          {issue.message}
        </Alert>
      ))}

      <RuleRowLiteStyles />
      <div className="rb-list" ref={listRef}>
        {blocks.map((block) => (
          <div
            key={block.key}
            className="rb-block"
            // Until a block has been on screen, the browser reserves this much for it.
            style={{
              containIntrinsicSize: `auto ${block.ids.length * (ROW_HEIGHT_ESTIMATE + ROW_GAP) - ROW_GAP}px`,
            }}
          >
            {block.ids.map((id) => {
              const i = indexOf.get(id) ?? 0;
              return (
                <RuleRow
                  key={id}
                  rowKey={id}
                  index={i}
                  isFirst={i === 0}
                  isLast={i === ruleCount - 1}
                  issues={byRule.get(i) ?? NO_ISSUES}
                  actions={actions}
                  eager={i < EAGER_ROWS}
                />
              );
            })}
          </div>
        ))}
      </div>

      <Box>
        <Button
          ref={addRef}
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => append(emptyRule())}
        >
          Add rule
        </Button>
      </Box>

      <ImportDialog open={importOpen} onClose={() => setImportOpen(false)} onImport={onImport} />
    </Stack>
  );
}
