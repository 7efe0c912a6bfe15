import { expect, test } from 'vitest';
import { idTime, newRecordId } from './record-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('ids are UUID v7 and never repeat', () => {
  const ids = Array.from({ length: 2_000 }, () => newRecordId(Date.UTC(2024, 4, 1)));
  for (const id of ids) expect(id).toMatch(UUID_V7);
  expect(new Set(ids).size).toBe(ids.length);
});

test('ids sort as strings in the order their records were created', () => {
  const times = [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1) + 1, Date.UTC(2024, 0, 2), Date.UTC(2031, 6, 9)];
  const ids = times.map(newRecordId);
  expect([...ids].reverse().sort()).toEqual(ids);
});

test("an id tells when its record was created, unless it isn't ours", () => {
  const t = Date.UTC(2024, 4, 1, 12, 30, 15, 123);
  expect(idTime(newRecordId(t))).toBe(t);
  expect(idTime('6f1c2a4e-0000-4000-8000-000000000001')).toBeNull(); // UUID v4
  expect(idTime('from-laptop')).toBeNull();
});
