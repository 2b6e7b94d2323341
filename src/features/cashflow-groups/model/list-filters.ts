// The list's filters that the upstream cannot apply (affiliate, rule field, country), applied to
// groups already read: the one place that decides them for the list.
import type { ListView } from './list-view';
import { namesAffiliate, type MemberGroup } from './membership';

/**
 * Whether a group read with rules and affiliate ids passes the view's filters. The name search
 * is applied here too (case-insensitive contains, as the upstream's LIKE), since the read-then-
 * filter path reads every group unfiltered.
 */
export function passesListFilters(group: MemberGroup, view: ListView): boolean {
  const q = view.q.trim().toLowerCase();
  if (q && !group.name.toLowerCase().includes(q)) return false;
  // An unreadable group cannot be said to match a filter on its contents.
  if ((view.aff || view.field || view.country) && !group.rules) return false;
  // "Which groups is affiliate X in": the ones naming it and the ones for all affiliates.
  if (view.aff && group.affiliateIds.length > 0 && !namesAffiliate(group, view.aff)) return false;
  if (view.field && !group.rules?.some((r) => r.field === view.field)) return false;
  if (
    view.country &&
    !group.rules?.some((r) => r.field === 'country' && r.values.includes(view.country ?? ''))
  ) {
    return false;
  }
  return true;
}
