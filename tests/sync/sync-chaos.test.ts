import { describe, expect, test } from 'vitest';
import { chaosFolder } from './chaos-folder';
import { runSchedule, type ScheduleOutcome } from './fault-schedules';

/**
 * The fault schedules of `sync-faults.test.ts` on the in-memory chaos folder: no
 * server, so many more of them, and uploads that land late (after a later upload of
 * the same file, or after the delete meant to clean them up), which no real server
 * can be made to do on cue. `MARGIN_CHAOS_SCHEDULES` and `MARGIN_CHAOS_SEED` as there.
 */
const SCHEDULES = Number(process.env.MARGIN_CHAOS_SCHEDULES ?? 400);
const FIRST_SEED = Number(process.env.MARGIN_CHAOS_SEED ?? 1);

describe('sync under chaos, in memory', () => {
  test(`${SCHEDULES} seeded schedules (seeds ${FIRST_SEED}–${FIRST_SEED + SCHEDULES - 1}): failed, lost, cut, reordered and late-landing requests, browsers stopped mid-sync; none loses or duplicates a record`, async () => {
    const outcomes: ScheduleOutcome[] = [];
    const stats: Record<string, number> = {};
    for (let seed = FIRST_SEED; seed < FIRST_SEED + SCHEDULES; seed++) {
      const folder = chaosFolder();
      outcomes.push(await runSchedule(seed, folder));
      for (const [k, n] of Object.entries(folder.stats)) stats[k] = (stats[k] ?? 0) + n;
    }
    const summary = {
      schedules: outcomes.length,
      syncs: outcomes.reduce((n, o) => n + o.syncs, 0),
      syncsFailedByFaults: outcomes.reduce((n, o) => n + o.failedSyncs, 0),
      syncsStoppedMidway: outcomes.reduce((n, o) => n + o.interrupted, 0),
      requests: stats,
      schedulesThatLostData: outcomes.filter((o) => o.lost.length > 0).length,
      schedulesWithDuplicates: outcomes.filter((o) => o.duplicated > 0).length,
      schedulesNotConverged: outcomes.filter((o) => !o.converged).length,
    };
    console.log('sync chaos schedules:', JSON.stringify(summary));
    expect(outcomes.filter((o) => o.lost.length > 0).map((o) => ({ seed: o.seed, lost: o.lost.slice(0, 3) }))).toEqual(
      [],
    );
    expect(outcomes.filter((o) => o.duplicated > 0).map((o) => o.seed)).toEqual([]);
    expect(outcomes.filter((o) => !o.converged).map((o) => o.seed)).toEqual([]);
    // The faults did bite, late landings included: a run where none did would prove nothing.
    expect(summary.syncsFailedByFaults).toBeGreaterThan(SCHEDULES / 2);
    expect(stats.late ?? 0).toBeGreaterThan(SCHEDULES / 2);
  }, 3_600_000);
});
