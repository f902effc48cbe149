import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs every period from start, reports a failure and keeps running, and runs no more once stopped', async () => {
    const failures: string[] = [];
    let runs = 0;
    const task = new PeriodicTask(
      1000,
      async () => {
        runs += 1;
        if (runs === 2) throw new Error('boom');
      },
      (err) => failures.push(err.message),
    );
    task.start();
    expect(runs).toBe(0);
    await jest.advanceTimersByTimeAsync(3000);
    expect(runs).toBe(3);
    expect(failures).toEqual(['boom']);
    await task.stop();
    await jest.advanceTimersByTimeAsync(3000);
    expect(runs).toBe(3);
  });

  it('stop waits for the run in progress', async () => {
    let finished = false;
    const task = new PeriodicTask(
      1000,
      () => new Promise<void>((resolve) => setTimeout(() => resolve(void (finished = true)), 500)),
      () => undefined,
    );
    task.start();
    await jest.advanceTimersByTimeAsync(1000);
    const stopped = task.stop();
    await jest.advanceTimersByTimeAsync(500);
    await stopped;
    expect(finished).toBe(true);
  });
});
