import { describe, expect, it } from 'vitest';
import { pickYear } from '../../src/app/years.ts';

// The year choice the pages share (src/app/years.ts).

describe('pickYear', () => {
  it('is the chosen year when the data has it, else the latest', () => {
    expect(pickYear([2019, 2024, 2023], null)).toBe(2024);
    expect(pickYear([2019, 2024], 2019)).toBe(2019);
    expect(pickYear([2019, 2024], 2025)).toBe(2024);
    expect(pickYear([], 2020)).toBeNull();
  });
});
