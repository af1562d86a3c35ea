// The scripts' helpers (scripts/lib/process.ts). The command runner, with real child processes:
// a child that closes its stdin before reading what we send must be a result, not an EPIPE that
// kills the script (docker-verify crashed that way after debootstrap). The benchmarks' median.
import { describe, expect, test } from '@jest/globals';
import { median, runCommand } from '../scripts/lib/process.ts';

describe('runCommand', () => {
  test('a child that closes its stdin early is a result, with its exit code', async () => {
    const input = 'x'.repeat(4 * 1024 * 1024); // far more than a pipe buffer
    const result = await runCommand('sh', ['-c', 'exec 0<&-; sleep 0.2; echo done; exit 3'], {
      input,
    });
    expect(result).toEqual({ code: 3, stdout: 'done\n', stderr: '' });
  });

  test('input is delivered to a child that reads it', async () => {
    const result = await runCommand('wc', ['-c'], { input: 'hello' });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('5');
  });

  test('a command that cannot start rejects', async () => {
    await expect(runCommand('/nonexistent/command', [])).rejects.toThrow(/ENOENT/);
  });
});

describe('median', () => {
  test('the middle value of an odd count, the mean of the two middle ones of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    // Nearest-rank (the benchmarks' percentile at 50) would say 2: the lower one.
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([1.1, 1.3])).toBeCloseTo(1.2);
    expect(median([])).toBeNaN();
  });
});
