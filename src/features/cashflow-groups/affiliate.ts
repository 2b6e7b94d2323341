// Entry for the affiliate page's cashflow part (groups an affiliate is in, bulk membership),
// kept apart so the list route does not load its code.
export { AffiliateGroups } from './components/affiliate-groups';
