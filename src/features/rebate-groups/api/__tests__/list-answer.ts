// The list answer the API tests read: one group as the Exness API documents it, with totals.
import type { RebateGroup } from '../schemas';

export const documentedGroup = {
  id: 17,
  partner_uid: 'p-1',
  group_title: 'VIP',
  group_type: 'MANUAL',
  clients_count: 42,
  rebate_percent: 35.5,
  created: '2026-03-01T10:00:00Z',
  is_default: false,
  rebate_size: { min: 0, max: 60 },
  rebate_period: 'MONTHLY',
  rebate_period_value: 1,
  rebate_period_start: '2026-11-01',
  rebate_period_end: '2026-11-30',
  link_code: 'vip',
} satisfies RebateGroup;

/** `{data: [the group with `over`], totals: {count: 237, clients: 5120, ...totals}}`, unparsed. */
export const listAnswer = (
  over: Record<string, unknown> = {},
  totals: Record<string, unknown> = {},
) => ({
  data: [{ ...documentedGroup, ...over }],
  totals: { count: 237, clients: 5120, ...totals },
});
