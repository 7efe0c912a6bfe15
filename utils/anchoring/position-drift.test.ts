import { expect, test } from 'vitest';
import { PositionDrift } from './position-drift';

test('with nothing learned, a passage is expected where it was stored', () => {
  expect(new PositionDrift().predict(500)).toBe(500);
});

test('each passage is expected to have moved like its nearest placed neighbour', () => {
  const drift = new PositionDrift();
  drift.record(1000, 400); // a 600-character header dropped before here...
  drift.record(5000, 4300); // ...and 100 more characters removed before here
  expect(drift.predict(1200)).toBe(600);
  expect(drift.predict(2900)).toBe(2300);
  expect(drift.predict(3100)).toBe(2400);
  expect(drift.predict(9000)).toBe(8300);
  expect(drift.predict(10)).toBe(-590);
});
