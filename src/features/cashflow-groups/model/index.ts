// The cashflow-groups rule model: pure functions and types the wizard, previews, import and
// tester share. No React here.
export * from './types';
export { COUNTRY_OPTIONS, countryName, isCountryCode } from './countries';
export {
  canonicalId,
  canonicalValue,
  effectiveValues,
  isAffiliateId,
  isTargetRuleId,
  isValidValue,
  TEXT_MATCH_CASE_SENSITIVE,
} from './values';
export { applyFieldChange, emptyGroupForm, emptyRule, operatorsFor } from './rule-defaults';
export { payloadAffiliateIds, toPayload, toPayloadRule, type PayloadSource } from './payload';
export {
  formatImportError,
  fromPayload,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_RULES,
  parseImport,
} from './import';
export {
  describeGroup,
  describeRule,
  describeValue,
  summaryText,
  type DescribeNames,
} from './describe';
// Not here: `lint` and `evaluate`, imported by path (../model/lint, ../model/evaluate). Only the
// Rules and Review steps, which load after the wizard has painted, use them, and the build puts
// what the wizard shares with the list and details pages in one file by following this file's
// re-exports (scripts/chunks.ts): re-exported here, they would load with every cashflow page.
export { groupFormSchema, NAME_MAX_LENGTH, ruleFormSchema } from './schema';
export {
  DRAFT_VERSION,
  restoreDraft,
  serializeDraft,
  type Draft,
  type RestoredDraft,
} from './draft';
export {
  applyDiff,
  diffGroups,
  hasRemovals,
  isEmptyDiff,
  type GroupDiff,
  type GroupFormLike,
  type RuleChange,
  type TextChange,
} from './diff';
export {
  changeListView,
  defaultListView,
  FIELD_FILTER_OPTIONS,
  hasClientFilters,
  LIST_DEFAULT_LIMIT,
  LIST_MAX_LIMIT,
  LIST_PAGE_SIZES,
  LIST_SORTS,
  parseListView,
  writeListView,
  type ListSort,
  type ListView,
  type ParsedListView,
} from './list-view';
export {
  groupsOfAffiliate,
  namesAffiliate,
  planMembership,
  unchangedSince,
  type AffiliateGroups,
  type MemberGroup,
  type MembershipAction,
  type PlanEntry,
  type PlannedGroupSource,
} from './membership';
export { passesListFilters } from './list-filters';
