// Affiliate membership of cashflow groups, pure: which groups concern an affiliate, and the plan
// (before → after, with its diff) for adding or removing affiliates across several groups.
import { diffGroups, isEmptyDiff, type GroupDiff } from './diff';
import { toPayload } from './payload';
import type { GroupForm, RuleForm } from './types';
import { canonicalId } from './values';

/** What membership needs of a group as read (the list's rows and the details both give it). */
export interface MemberGroup {
  id: string;
  name: string;
  rules?: RuleForm[];
  /** Empty: the group applies to ALL affiliates. */
  affiliateIds: string[];
  problem?: string;
}

export interface AffiliateGroups<G extends MemberGroup> {
  /** Groups whose affiliate list names the affiliate. */
  named: G[];
  /** Groups with an empty affiliate list: they apply to every affiliate, this one included. */
  forAll: G[];
  /** Groups whose stored rules could not be read: whether they concern the affiliate is unsure. */
  unreadable: G[];
}

function canon(id: string): string {
  return canonicalId(id) ?? id.trim();
}

export function namesAffiliate(group: Pick<MemberGroup, 'affiliateIds'>, id: string): boolean {
  const wanted = canon(id);
  return group.affiliateIds.some((a) => canon(a) === wanted);
}

/**
 * The one place that decides which groups concern an affiliate. findCashflowGroups has no known
 * filter by affiliate (api-notes lists none, and an unknown filter may be ignored rather than
 * refused), so the groups are read with `attach_affiliate_ids` and filtered here, on the client.
 */
export function groupsOfAffiliate<G extends MemberGroup>(
  groups: readonly G[],
  affiliateId: string,
): AffiliateGroups<G> {
  const out: AffiliateGroups<G> = { named: [], forAll: [], unreadable: [] };
  for (const g of groups) {
    if (!g.rules) out.unreadable.push(g);
    else if (g.affiliateIds.length === 0) out.forAll.push(g);
    else if (namesAffiliate(g, affiliateId)) out.named.push(g);
  }
  return out;
}

export type MembershipAction = 'add' | 'remove';

/** A group as the plan read it: the exact state its diff was made from. */
export interface PlannedGroupSource {
  id: string;
  modified: string;
  form: GroupForm;
}

export type PlanEntry =
  | {
      id: string;
      name: string;
      kind: 'change';
      before: GroupForm;
      after: GroupForm;
      diff: GroupDiff;
      modified: string;
    }
  | { id: string; name: string; kind: 'skip'; reason: string };

/**
 * What adding or removing `affiliateIds` does to each group. Two cases are refused rather than
 * done, because the replace-all update would flip the group's meaning: adding to an
 * all-affiliates group would narrow it to the added ones, and removing a group's last affiliates
 * would leave an empty list, which means ALL affiliates.
 */
export function planMembership(
  groups: readonly PlannedGroupSource[],
  affiliateIds: readonly string[],
  action: MembershipAction,
): PlanEntry[] {
  const ids = [...new Set(affiliateIds.map(canon).filter(Boolean))];
  return groups.map(({ id, modified, form }): PlanEntry => {
    const name = form.name;
    const current = form.affiliateMode === 'all' ? [] : form.affiliateIds;
    const has = new Set(current.map(canon));
    let nextIds: string[];
    if (action === 'add') {
      if (current.length === 0) {
        return {
          id,
          name,
          kind: 'skip',
          reason: 'applies to all affiliates already (adding would narrow it to the added ones)',
        };
      }
      const missing = ids.filter((a) => !has.has(a));
      if (missing.length === 0) return { id, name, kind: 'skip', reason: 'already names them' };
      nextIds = [...current, ...missing];
    } else {
      const drop = new Set(ids);
      nextIds = current.filter((a) => !drop.has(canon(a)));
      if (nextIds.length === current.length) {
        return { id, name, kind: 'skip', reason: 'does not name them' };
      }
      if (nextIds.length === 0) {
        return {
          id,
          name,
          kind: 'skip',
          reason: 'they are its only affiliates (an empty list would mean all affiliates)',
        };
      }
    }
    const after: GroupForm = { ...form, affiliateMode: 'selected', affiliateIds: nextIds };
    const diff = diffGroups(form, after);
    if (isEmptyDiff(diff)) return { id, name, kind: 'skip', reason: 'nothing to change' };
    return { id, name, kind: 'change', before: form, after, diff, modified };
  });
}

/**
 * Whether a group read again right before writing is still the one the diff was made from:
 * the same `modified` stamp and the same payload, name and description (either alone could miss
 * a change: some networks do not move `modified`, and two states can share a payload).
 */
export function unchangedSince(read: PlannedGroupSource, planned: PlannedGroupSource): boolean {
  if (read.modified !== planned.modified) return false;
  const a = toPayload(read.form);
  const b = toPayload(planned.form);
  return (
    a.rules_json === b.rules_json &&
    a.affiliate_ids_json === b.affiliate_ids_json &&
    read.form.name === planned.form.name &&
    read.form.description === planned.form.description
  );
}
