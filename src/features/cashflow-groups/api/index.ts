// The cashflow-groups API layer: one module per HasOffers call, and the query factories.
export {
  affiliateKeys,
  affiliateQueries,
  cashflowGroupKeys,
  cashflowGroupQueries,
} from './queries';
export {
  cashflowGroupRowSchema,
  findGroupsByName,
  nameTaken,
  type CashflowGroupSummary,
} from './find-cashflow-groups';
export {
  findTargetRules,
  targetRuleParams,
  TARGET_RULES_LIMIT,
  type TargetRule,
} from './find-target-rules';
export { getFieldDefinitions, type FieldDefinitions } from './get-field-definitions';
export {
  createCashflowGroup,
  createParams,
  createRequestPreview,
  HASOFFERS_URL_TEMPLATE,
  NETWORK_TOKEN_PLACEHOLDER,
  type CreateGroupInput,
} from './create-cashflow-group';
export {
  classifyCreateError,
  type CreateErrorField,
  type CreateErrorPlace,
  type WizardStepId,
} from './classify-create-error';
export {
  listCashflowGroups,
  listParams,
  resort,
  type CashflowGroupListPage,
  type CashflowGroupListRow,
} from './list-cashflow-groups';
export { getCashflowGroup, isNotFound, type CashflowGroupDetail } from './get-cashflow-group';
export {
  getCashflowGroupUsage,
  readGroupUsage,
  UNKNOWN_USAGE,
  type CashflowGroupUsage,
  type GroupUser,
} from './get-cashflow-group-usage';
export { updateCashflowGroup, updateParams, updateRequestPreview } from './update-cashflow-group';
