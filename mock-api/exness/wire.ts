// How the Exness emulator writes a rebate group on the wire: decimals as JSON strings by default,
// as Django REST Framework's DecimalField does (`"35.50"`); ids and counts stay numbers.
import type { RebateGroup } from './seed';

/**
 * `string`: DRF's default (COERCE_DECIMAL_TO_STRING), what a real answer most likely carries;
 * `number`: what the vendor's page calls the fields, kept so a client can be tested on both.
 */
export type DecimalFormat = 'string' | 'number';

/** Guess (DRF's default, api-notes.md "Numbers"): the one place that decides the wire format. */
export const DEFAULT_DECIMAL_FORMAT: DecimalFormat = 'string';

/** A group as it goes out: the same keys, decimals written in `format`. */
export type WireGroup = Omit<RebateGroup, 'rebate_percent' | 'rebate_size'> & {
  rebate_percent: string | number;
  rebate_size: { min: string | number; max: string | number };
};

/** DRF's DecimalField(decimal_places=2) renders with exactly two places. */
const decimal = (n: number, format: DecimalFormat): string | number =>
  format === 'string' ? n.toFixed(2) : n;

export function wireGroup(group: RebateGroup, format: DecimalFormat): WireGroup {
  return {
    ...group,
    rebate_percent: decimal(group.rebate_percent, format),
    rebate_size: {
      min: decimal(group.rebate_size.min, format),
      max: decimal(group.rebate_size.max, format),
    },
  };
}
