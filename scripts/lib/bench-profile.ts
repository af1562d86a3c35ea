// Preloaded by `npm run bench` into the profiled API process only (node --import): SIGUSR2
// starts V8's CPU profiler, the next SIGUSR2 stops it and writes
// $BENCH_PROFILE_DIR/profile-<n>.cpuprofile (then .done beside it), so a profile covers exactly
// one load run and none of start-up. Nothing in src/ knows about it.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

const dir = process.env.BENCH_PROFILE_DIR;
if (!dir) throw new Error('bench-profile: BENCH_PROFILE_DIR is not set');
const interval = Number(process.env.BENCH_PROFILE_INTERVAL_US ?? '250');

const session = new Session();
session.connect();
let running = false;
let n = 0;
let busy: Promise<void> = Promise.resolve();

process.on('SIGUSR2', () => {
  busy = busy.then(async () => {
    if (!running) {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval });
      await session.post('Profiler.start');
      running = true;
      return;
    }
    const { profile } = await session.post('Profiler.stop');
    running = false;
    n += 1;
    const file = path.join(dir, `profile-${n}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    writeFileSync(`${file}.done`, '');
  });
});
