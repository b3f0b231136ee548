/** The time each step of the site may run: SITE_STEP_MINUTES read, the limits made of it. */
import { describe, expect, it } from 'vitest';
import { stepLimits, stepMinutes } from './site-steps.ts';

describe('the time limit of the site steps', () => {
  it('is an hour each unless SITE_STEP_MINUTES says otherwise', () => {
    expect(stepMinutes(undefined)).toBe(60);
    expect(stepMinutes('')).toBe(60);
    expect(stepMinutes(' ')).toBe(60);
    expect(stepLimits()).toEqual({ site: 3_600_000, search: 3_600_000 });
  });

  it('takes minutes, fractions too, as milliseconds for both steps', () => {
    expect(stepMinutes('90')).toBe(90);
    expect(stepLimits(stepMinutes('0.5'))).toEqual({ site: 30_000, search: 30_000 });
  });

  it('refuses what is not a number of minutes above zero', () => {
    for (const value of ['0', '-5', 'abc', 'Infinity', '10m', 'NaN']) expect(stepMinutes(value), value).toBeUndefined();
  });
});
