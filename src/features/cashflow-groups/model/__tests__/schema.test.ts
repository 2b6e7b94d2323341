// groupFormSchema: messages on the field they concern, so each shows next to its input.
import type { z } from 'zod/mini';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { groupFormSchema } from '../schema';
import type { GroupForm, RuleForm } from '../types';

const valid: GroupForm = {
  name: 'EU traffic',
  description: '',
  rules: [{ field: 'country', operator: 'IN', values: ['DE', 'AT'], negate: false }],
  affiliateMode: 'all',
  affiliateIds: [],
};

function issues(form: unknown): [string, string][] {
  const r = groupFormSchema.safeParse(form);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
}
const withRule = (rule: Partial<RuleForm>): GroupForm => ({
  ...valid,
  rules: [
    valid.rules[0] as RuleForm,
    { field: 'source', operator: 'IN', values: ['x'], negate: false, ...rule },
  ],
});

describe('groupFormSchema', () => {
  it('has exactly GroupForm as input and output (zodResolver fits useForm<GroupForm>)', () => {
    expectTypeOf<z.input<typeof groupFormSchema>>().toEqualTypeOf<GroupForm>();
    expectTypeOf<z.output<typeof groupFormSchema>>().toEqualTypeOf<GroupForm>();
    expectTypeOf(zodResolver(groupFormSchema)).toExtend<Resolver<GroupForm>>();
  });

  it('accepts a valid form and trims the name', () => {
    expect(groupFormSchema.parse({ ...valid, name: '  EU  ' })).toEqual({ ...valid, name: 'EU' });
  });

  it.each([
    ['an empty name', { ...valid, name: '   ' }, [['name', 'Name is required']]],
    [
      'a long name',
      { ...valid, name: 'x'.repeat(256) },
      [['name', 'Name must be at most 255 characters']],
    ],
    ['no values', withRule({ values: [] }), [['rules.1.values', 'Add at least one value']]],
    [
      'a blank value',
      withRule({ values: ['a', ' '] }),
      [['rules.1.values', 'Values cannot be blank']],
    ],
    [
      'IS with two values',
      withRule({ operator: 'IS', values: ['a', 'b'] }),
      [['rules.1.values', '“is” compares with one value: keep one, or use “is one of”']],
    ],
    [
      'a bad country',
      withRule({ field: 'country', values: ['DE', 'XX'] }),
      [['rules.1.values', "'XX' is not a country code (ISO 3166-1, like DE)"]],
    ],
    [
      'a bad target rule id',
      withRule({ field: 'advanced_targeting_rule', values: ['79', 'x', '0'] }),
      [['rules.1.values', "'x', '0' are not target rule IDs (whole numbers)"]],
    ],
    [
      'selected with no affiliates',
      { ...valid, affiliateMode: 'selected' },
      [['affiliateIds', 'Choose at least one affiliate, or apply the group to all affiliates']],
    ],
    [
      'an affiliate id that is not digits',
      { ...valid, affiliateMode: 'selected', affiliateIds: ['2', 'acme'] },
      [['affiliateIds', "'acme' is not an affiliate ID (digits only)"]],
    ],
    [
      'bad ids are ignored for all affiliates',
      { ...valid, affiliateMode: 'all', affiliateIds: ['acme'] },
      [],
    ],
    [
      'the affiliates message even when the name is also wrong',
      { ...valid, name: '', affiliateMode: 'selected' },
      [
        ['name', 'Name is required'],
        ['affiliateIds', 'Choose at least one affiliate, or apply the group to all affiliates'],
      ],
    ],
  ] as const)('%s', (_name, form, expected) => {
    expect(issues(form)).toEqual(expected);
  });

  it('accepts lower-case countries (toPayload upper-cases them)', () => {
    expect(issues(withRule({ field: 'country', values: ['de'] }))).toEqual([]);
  });
});
