import { describe, expect, it } from 'vitest';
import {
  type CountCell,
  type Disclosed,
  type DisclosureGroup,
  disclose,
  isSmall,
  suppressionCounts,
} from './disclosure';

const cells = (counts: Record<string, number>): CountCell[] =>
  Object.entries(counts).map(([id, count]) => ({ id, count }));

const published = (result: Map<string, Disclosed>) =>
  Object.fromEntries(
    [...result.entries()].map(([id, cell]) => [id, 'count' in cell ? cell.count : cell.suppressed]),
  );

describe('disclosure control', () => {
  it.each([
    { count: 0, small: false },
    { count: 1, small: true },
    { count: 2, small: true },
    { count: 3, small: false },
    { count: 40, small: false },
  ])('calls $count institutions small: $small (threshold 3)', ({ count, small }) => {
    expect(isSmall(count, 3)).toBe(small);
  });

  const cases: {
    name: string;
    counts: Record<string, number>;
    groups: DisclosureGroup[];
    threshold?: number;
    expected: Record<string, number | 'small' | 'secondary'>;
  }[] = [
    {
      name: 'publishes every count of 3 or more, and zero',
      counts: { a: 5, b: 3, c: 0 },
      groups: [{ cells: ['a', 'b', 'c'] }],
      expected: { a: 5, b: 3, c: 0 },
    },
    {
      name: 'suppresses a count of 1 or 2 and, alone in its group, the next smallest too',
      counts: { a: 10, b: 4, c: 2, total: 16 },
      groups: [{ cells: ['a', 'b', 'c'], total: 'total' }],
      expected: { a: 10, b: 'secondary', c: 'small', total: 16 },
    },
    {
      name: 'needs no secondary suppression when two cells of a group are small',
      counts: { a: 10, b: 1, c: 2 },
      groups: [{ cells: ['a', 'b', 'c'] }],
      expected: { a: 10, b: 'small', c: 'small' },
    },
    {
      name: 'never picks a zero cell to protect a small one',
      counts: { a: 0, b: 1, c: 7 },
      groups: [{ cells: ['a', 'b', 'c'] }],
      expected: { a: 0, b: 'small', c: 'secondary' },
    },
    {
      name: 'suppresses the total when no other cell can protect the small one',
      counts: { only: 2, zero: 0, total: 2 },
      groups: [{ cells: ['only', 'zero'], total: 'total' }],
      expected: { only: 'small', zero: 0, total: 'small' },
    },
    {
      name: 'follows a table across rows and columns until no group has one suppressed cell',
      // rows r1 = a b, r2 = c d; columns a c, b d; a is small
      counts: { a: 1, b: 5, c: 6, d: 7 },
      groups: [{ cells: ['a', 'b'] }, { cells: ['c', 'd'] }, { cells: ['a', 'c'] }, { cells: ['b', 'd'] }],
      expected: { a: 'small', b: 'secondary', c: 'secondary', d: 'secondary' },
    },
    {
      name: 'uses the stage threshold',
      counts: { a: 4, b: 9, c: 12 },
      groups: [{ cells: ['a', 'b', 'c'] }],
      threshold: 5,
      expected: { a: 'small', b: 'secondary', c: 12 },
    },
  ];

  it.each(cases)('$name', ({ counts, groups, threshold, expected }) => {
    expect(published(disclose(cells(counts), groups, threshold ?? 3))).toEqual(expected);
  });

  it('judges offering counts by the institutions behind them, not the offerings', () => {
    const result = disclose(
      [
        { id: 'many-from-one', count: 9, institutions: 1 },
        { id: 'few-from-three', count: 3, institutions: 3 },
      ],
      [],
      3,
    );
    expect(published(result)).toEqual({ 'many-from-one': 'small', 'few-from-three': 3 });
  });

  it('keeps no number in a suppressed cell', () => {
    const result = disclose(cells({ a: 2, b: 8 }), [{ cells: ['a', 'b'] }], 3);
    expect(JSON.stringify([...result.values()])).not.toMatch(/[28]/);
    expect(suppressionCounts(result.values())).toEqual({ small: 1, secondary: 1 });
  });
});
