import { describe, expect, it } from 'vitest';
import { classify, classifyAroundZero, classOf, type ClassMethod } from '../../src/domain/classify.ts';
import { seededUniform } from '../helpers.ts';

// Class breaks for the maps: known inputs, degenerate inputs, and invariants on random inputs.

describe('classify', () => {
  it('quantile: k + 1 bounds from min to max at the linear-interpolation quantiles', () => {
    const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    // sorted 1..10; p = 0.25 -> index 2.25 -> 3.25; 0.5 -> 5.5; 0.75 -> 7.75
    expect(classify(values, 'quantile', 4)).toEqual([1, 3.25, 5.5, 7.75, 10]);
    expect(classify(values, 'quantile', 2)).toEqual([1, 5.5, 10]);
  });

  it('jenks: natural breaks end each class at its largest value', () => {
    const values = [51, 1, 2, 12, 3, 10, 11, 50];
    expect(classify(values, 'jenks', 3)).toEqual([1, 3, 12, 51]);
    // Quantiles split the same values differently: the two methods are not the same code path.
    expect(classify(values, 'quantile', 3)).not.toEqual([1, 3, 12, 51]);
  });

  it('classOf puts each value in the class whose upper bound it does not exceed', () => {
    const bounds = [1, 3, 12, 51];
    expect([1, 3, 3.5, 12, 13, 51].map((v) => classOf(v, bounds))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(classOf(-5, bounds)).toBe(0); // below the range: first class
    expect(classOf(100, bounds)).toBe(2); // above the range: last class
    expect(classOf(Number.NaN, bounds)).toBe(-1);
    expect(classOf(null, bounds)).toBe(-1);
    expect(classOf(undefined, bounds)).toBe(-1);
  });

  it.each<ClassMethod>(['quantile', 'jenks'])('%s: empty, all-equal and few-distinct inputs', (method) => {
    expect(classify([], method, 5)).toEqual([]);
    expect(classify([Number.NaN, Number.POSITIVE_INFINITY], method, 5)).toEqual([]);
    expect(classOf(3, [])).toBe(-1);
    expect(classify([7, 7, 7], method, 5)).toEqual([7, 7]);
    expect(classOf(7, [7, 7])).toBe(0);
    expect(classify([4], method, 3)).toEqual([4, 4]);
    // Two distinct values, five classes asked: at most two classes, and each value in its own.
    const two = classify([1, 1, 2, 2], method, 5);
    expect(two.length).toBeLessThanOrEqual(3);
    expect(two[0]).toBe(1);
    expect(two[two.length - 1]).toBe(2);
    expect(classOf(1, two)).not.toBe(classOf(2, two));
    // Non-finite values are ignored.
    expect(classify([1, Number.NaN, 2, 3], method, 3)).toEqual(classify([1, 2, 3], method, 3));
  });

  it('quantile bounds never repeat when many values are tied', () => {
    const bounds = classify([0, 0, 0, 0, 0, 0, 0, 1, 2, 30], 'quantile', 5);
    expect(bounds.length).toBeGreaterThan(2);
    for (let i = 2; i < bounds.length; i++) expect(bounds[i]!).toBeGreaterThan(bounds[i - 1]!);
    expect(bounds[0]).toBe(0);
    expect(bounds[bounds.length - 1]).toBe(30);
  });

  it('rejects a number of classes that is not a whole number >= 1', () => {
    expect(() => classify([1, 2], 'quantile', 0)).toThrow(/k must be/);
    expect(() => classify([1, 2], 'jenks', 2.5)).toThrow(/k must be/);
  });

  it.each<ClassMethod>(['quantile', 'jenks'])('%s on random inputs: ascending bounds from min to max, every value inside its class', (method) => {
    const next = seededUniform(7);
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + Math.floor(next() * 300);
      const values = Array.from({ length: n }, () => Math.round(next() ** 3 * 1000) / 10);
      const k = 1 + Math.floor(next() * 8);
      const bounds = classify(values, method, k);
      expect(bounds[0]).toBe(Math.min(...values));
      expect(bounds[bounds.length - 1]).toBe(Math.max(...values));
      expect(bounds.length).toBeLessThanOrEqual(k + 1);
      expect(bounds.length).toBeLessThanOrEqual(new Set(values).size + 1);
      for (let i = 2; i < bounds.length; i++) expect(bounds[i]!).toBeGreaterThan(bounds[i - 1]!);
      for (const v of values) {
        const c = classOf(v, bounds);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(v).toBeGreaterThanOrEqual(bounds[c]!);
        expect(v).toBeLessThanOrEqual(bounds[c + 1]!);
      }
    }
  });

  it('jenks separates clear clusters that quantiles mix', () => {
    const values = [1, 1, 2, 2, 2, 3, 3, 100, 101, 102];
    const jenks = classify(values, 'jenks', 2);
    expect(jenks).toEqual([1, 3, 102]);
    expect(classOf(3, jenks)).toBe(0);
    expect(classOf(100, jenks)).toBe(1);
    expect(classify(values, 'quantile', 2)).toEqual([1, 2.5, 102]);
  });
});

describe('classifyAroundZero', () => {
  it('gives k equal classes symmetric around 0, the middle one holding 0 when k is odd', () => {
    const bounds = classifyAroundZero([-5, 2, 10], 5);
    expect(bounds).toEqual([-10, -6, -2, 2, 6, 10]);
    expect(classOf(0, bounds)).toBe(2);
    expect(classOf(-10, bounds)).toBe(0);
    expect(classOf(10, bounds)).toBe(4);
    expect(classifyAroundZero([-3, 1], 2)).toEqual([-3, 0, 3]);
  });

  it('handles empty and all-zero inputs', () => {
    expect(classifyAroundZero([], 5)).toEqual([]);
    expect(classifyAroundZero([0, 0], 5)).toEqual([0, 0]);
    expect(classifyAroundZero([Number.NaN], 3)).toEqual([]);
  });
});
