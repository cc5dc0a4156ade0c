import { describe, expect, it } from 'vitest';
import type { ColumnRow } from '@contract';
import { cellsByColumn, firstColumns, moveInGrid, sharedCounts, toggleColumn } from './aligned-columns';

const cell = (article: number, sentence: number) => ({ article, sentence, changes: [], variants: [] });

describe('choosing the columns', () => {
  const story = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  it('starts with the first six articles of the story', () => {
    expect(firstColumns(story)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(firstColumns(['a', 'b'])).toEqual(['a', 'b']);
  });
  it('adds and removes in the story’s order, never below two or above six', () => {
    expect(toggleColumn(['c', 'a'], 'b', story)).toEqual(['a', 'b', 'c']);
    expect(toggleColumn(['a', 'b', 'c'], 'b', story)).toEqual(['a', 'c']);
    expect(toggleColumn(['a', 'b'], 'a', story)).toEqual(['a', 'b']);
    expect(toggleColumn(['a', 'b', 'c', 'd', 'e', 'f'], 'g', story)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('rows of the column reading', () => {
  const shared: ColumnRow = { shared: true, claim: 'c1', cells: [cell(0, 0), cell(2, 1), cell(3, 0)] };
  const solo: ColumnRow = { shared: false, claim: null, cells: [cell(1, 0), cell(1, 1), cell(4, 0)] };
  it('puts each cell under its column, a column with nothing left empty', () => {
    expect(cellsByColumn(shared, 5).map((c) => c.length)).toEqual([1, 0, 1, 1, 0]);
    expect(cellsByColumn(solo, 5).map((c) => c.map((x) => x.sentence))).toEqual([[], [0, 1], [], [], [0]]);
  });
  it('counts shared rows by how many outlets share them, widest first', () => {
    const two: ColumnRow = { shared: true, claim: 'c2', cells: [cell(0, 1), cell(1, 2)] };
    expect([...sharedCounts([shared, solo, two, two])]).toEqual([
      [3, 1],
      [2, 2],
    ]);
  });
});

describe('moving between cells with the keyboard', () => {
  const at = { row: 3, col: 2 };
  it('moves by one with arrows and stops at the edges', () => {
    expect(moveInGrid(at, 'ArrowDown', false, 10, 5)).toEqual({ row: 4, col: 2 });
    expect(moveInGrid(at, 'ArrowUp', false, 10, 5)).toEqual({ row: 2, col: 2 });
    expect(moveInGrid(at, 'ArrowRight', false, 10, 5)).toEqual({ row: 3, col: 3 });
    expect(moveInGrid({ row: 9, col: 4 }, 'ArrowDown', false, 10, 5)).toEqual({ row: 9, col: 4 });
    expect(moveInGrid({ row: 0, col: 0 }, 'ArrowLeft', false, 10, 5)).toEqual({ row: 0, col: 0 });
  });
  it('goes to the row’s ends, the grid’s ends and by pages', () => {
    expect(moveInGrid(at, 'Home', false, 10, 5)).toEqual({ row: 3, col: 0 });
    expect(moveInGrid(at, 'End', true, 10, 5)).toEqual({ row: 9, col: 4 });
    expect(moveInGrid(at, 'PageDown', false, 10, 5, 4)).toEqual({ row: 7, col: 2 });
    expect(moveInGrid(at, 'PageUp', false, 10, 5)).toEqual({ row: 0, col: 2 });
    expect(moveInGrid(at, 'a', false, 10, 5)).toBeNull();
  });
});
