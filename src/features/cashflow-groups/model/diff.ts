// What an edit changes in a group, computed against the server's copy before saving (the update
// replaces ALL rules and affiliates, so the user must see exactly what goes and what stays).
import { payloadAffiliateIds, toPayloadRule } from './payload';
import type { GroupForm, RuleForm } from './types';

export type GroupFormLike = Pick<
  GroupForm,
  'name' | 'description' | 'rules' | 'affiliateMode' | 'affiliateIds'
>;

export interface TextChange {
  before: string;
  after: string;
}

export interface RuleChange {
  beforeIndex: number;
  afterIndex: number;
  before: RuleForm;
  after: RuleForm;
}

export interface GroupDiff {
  name?: TextChange;
  description?: TextChange;
  rules: {
    /** Rules only in the new version, with their place in it. */
    added: { afterIndex: number; rule: RuleForm }[];
    /** Rules only in the old version. */
    removed: { beforeIndex: number; rule: RuleForm }[];
    /** An old rule replaced by a new one on the same field. */
    changed: RuleChange[];
    /** Rules in both (compared as sent), old place → new place. */
    unchanged: { beforeIndex: number; afterIndex: number }[];
  };
  affiliates: {
    /** An empty list means all affiliates. */
    beforeAll: boolean;
    afterAll: boolean;
    added: string[];
    removed: string[];
  };
}

/** Two rules are the same when HasOffers would store them the same. */
function ruleKey(rule: RuleForm): string {
  return JSON.stringify(toPayloadRule(rule));
}

function text(s: string): string {
  return s.trim();
}

function diffRules(before: readonly RuleForm[], after: readonly RuleForm[]): GroupDiff['rules'] {
  const unchanged: GroupDiff['rules']['unchanged'] = [];
  // Identical rules pair up first (as a multiset: order does not matter, all rules must hold).
  const freeBefore = new Map<string, number[]>();
  before.forEach((rule, i) => {
    const key = ruleKey(rule);
    freeBefore.set(key, [...(freeBefore.get(key) ?? []), i]);
  });
  const unmatchedAfter: number[] = [];
  after.forEach((rule, j) => {
    const slots = freeBefore.get(ruleKey(rule));
    const i = slots?.shift();
    if (i === undefined) unmatchedAfter.push(j);
    else unchanged.push({ beforeIndex: i, afterIndex: j });
  });
  const unmatchedBefore = [...freeBefore.values()].flat().sort((a, b) => a - b);

  // What is left pairs by field, in order: "Country is one of DE, AT" → "… DE" is a change.
  const changed: RuleChange[] = [];
  const added: GroupDiff['rules']['added'] = [];
  const taken = new Set<number>();
  for (const j of unmatchedAfter) {
    const rule = after[j] as RuleForm;
    const i = unmatchedBefore.find((b) => !taken.has(b) && before[b]?.field === rule.field);
    if (i === undefined) {
      added.push({ afterIndex: j, rule });
    } else {
      taken.add(i);
      changed.push({ beforeIndex: i, afterIndex: j, before: before[i] as RuleForm, after: rule });
    }
  }
  const removed = unmatchedBefore
    .filter((i) => !taken.has(i))
    .map((i) => ({ beforeIndex: i, rule: before[i] as RuleForm }));
  return { added, removed, changed, unchanged };
}

export function diffGroups(before: GroupFormLike, after: GroupFormLike): GroupDiff {
  const beforeIds = payloadAffiliateIds(before);
  const afterIds = payloadAffiliateIds(after);
  const beforeSet = new Set(beforeIds);
  const afterSet = new Set(afterIds);
  const name = { before: text(before.name), after: text(after.name) };
  const description = { before: text(before.description), after: text(after.description) };
  return {
    ...(name.before !== name.after && { name }),
    ...(description.before !== description.after && { description }),
    rules: diffRules(before.rules, after.rules),
    affiliates: {
      beforeAll: beforeIds.length === 0,
      afterAll: afterIds.length === 0,
      added: afterIds.filter((id) => !beforeSet.has(id)),
      removed: beforeIds.filter((id) => !afterSet.has(id)),
    },
  };
}

/** The old version with the diff applied: the new version (rules in its order). */
export function applyDiff(before: GroupFormLike, diff: GroupDiff): GroupFormLike {
  const count = diff.rules.unchanged.length + diff.rules.changed.length + diff.rules.added.length;
  const rules: (RuleForm | undefined)[] = Array.from({ length: count }, () => undefined);
  for (const { beforeIndex, afterIndex } of diff.rules.unchanged) {
    rules[afterIndex] = before.rules[beforeIndex];
  }
  for (const { afterIndex, after } of diff.rules.changed) rules[afterIndex] = after;
  for (const { afterIndex, rule } of diff.rules.added) rules[afterIndex] = rule;

  const removed = new Set(diff.affiliates.removed);
  const ids = [
    ...payloadAffiliateIds(before).filter((id) => !removed.has(id)),
    ...diff.affiliates.added,
  ];
  return {
    name: diff.name ? diff.name.after : before.name,
    description: diff.description ? diff.description.after : before.description,
    rules: rules.filter((r): r is RuleForm => r !== undefined),
    affiliateMode: ids.length === 0 ? 'all' : 'selected',
    affiliateIds: ids,
  };
}

export function isEmptyDiff(diff: GroupDiff): boolean {
  return (
    !diff.name &&
    !diff.description &&
    diff.rules.added.length === 0 &&
    diff.rules.removed.length === 0 &&
    diff.rules.changed.length === 0 &&
    diff.affiliates.added.length === 0 &&
    diff.affiliates.removed.length === 0
  );
}

/**
 * Whether the save drops something partners are paid by: a rule, an affiliate, or the switch
 * from "all affiliates" to a list (which drops everyone not on it). Such a save asks first.
 */
export function hasRemovals(diff: GroupDiff): boolean {
  const { affiliates } = diff;
  return (
    diff.rules.removed.length > 0 ||
    (affiliates.removed.length > 0 && !affiliates.afterAll) ||
    (affiliates.beforeAll && !affiliates.afterAll)
  );
}
