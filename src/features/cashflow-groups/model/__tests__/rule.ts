// A rule written the short way in table-driven model tests: r('country', 'IN', ['DE']).
import type { RuleForm } from '../types';

export const r = (
  field: RuleForm['field'],
  operator: RuleForm['operator'],
  values: string[],
  negate = false,
): RuleForm => ({
  field,
  operator,
  values,
  negate,
});
