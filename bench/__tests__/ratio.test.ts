// The report's "ours / peer" column: a ratio only when both sides were measured.
import { ratio } from '../report';

describe('ratio', () => {
  it.each<[string, number | undefined, number | undefined, string]>([
    ['ours smaller', 198.1, 308.5, '× 0.64'],
    ['ours larger', 1, 0.93, '× 1.08'],
    ['ours not measured', undefined, 1, '—'],
    ['peer not measured', 1, undefined, '—'],
    ['not a number', Number.NaN, 1, '—'],
    ['both zero', 0, 0, '× 1.00'],
    ['peer zero', 5, 0, '—'],
  ])('%s', (_, ours, peer, expected) => {
    expect(ratio(ours, peer)).toBe(expected);
  });
});
