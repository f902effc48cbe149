import { GroupRunner } from './group-runner';

/** A run that records each group and waits until the test lets it finish. */
function recordingRun() {
  const groups: number[][] = [];
  const finish: (() => void)[] = [];
  const failing = new Set<number>();
  const run = async (items: number[]) => {
    groups.push(items);
    await new Promise<void>((resolve) => finish.push(resolve));
    if (items.some((item) => failing.has(item))) throw new Error(`failed on ${items.join(',')}`);
    return items.map((item) => item * 10);
  };
  const finishNext = async () => {
    finish.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  const finishAll = async () => {
    while (finish.length) {
      finish.splice(0).forEach((resolve) => resolve());
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { groups, run, finishNext, finishAll, failing };
}

const settle = (p: Promise<number>) =>
  p.then(
    (value) => value,
    (err: Error) => err.message,
  );

describe('GroupRunner', () => {
  it('an item submitted while a slot is free starts at once, alone', async () => {
    const { groups, run, finishAll } = recordingRun();
    const runner = new GroupRunner({ run, concurrency: 2, maxSize: 10 });
    const first = runner.submit(1);
    expect(groups).toEqual([[1]]);
    await finishAll();
    expect(await first).toBe(10);
  });

  it('items arriving while every slot runs wait and leave together in the next group, each with its own result', async () => {
    const { groups, run, finishAll } = recordingRun();
    const runner = new GroupRunner({ run, concurrency: 2, maxSize: 10 });
    const results = [1, 2, 3, 4, 5].map((item) => runner.submit(item));
    expect(groups).toEqual([[1], [2]]);
    await finishAll();
    expect(groups).toEqual([[1], [2], [3, 4, 5]]);
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50]);
  });

  it('a group holds at most maxSize items; the rest leave in the next', async () => {
    const { groups, run, finishAll } = recordingRun();
    const runner = new GroupRunner({ run, concurrency: 1, maxSize: 3 });
    const results = [1, 2, 3, 4, 5, 6, 7, 8].map((item) => runner.submit(item));
    await finishAll();
    expect(groups).toEqual([[1], [2, 3, 4], [5, 6, 7], [8]]);
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
  });

  it("when a group fails, each of its items runs again alone: only the failing item's caller gets the error", async () => {
    const { groups, run, finishAll, failing } = recordingRun();
    failing.add(3);
    const runner = new GroupRunner({ run, concurrency: 1, maxSize: 10 });
    const results = [1, 2, 3, 4].map((item) => settle(runner.submit(item)));
    await finishAll();
    expect(groups).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
    expect(await Promise.all(results)).toEqual([10, 20, 'failed on 3', 40]);
  });

  it('items arriving behind a failed group still share a group once its lone reruns are through', async () => {
    const { groups, run, finishNext, finishAll, failing } = recordingRun();
    failing.add(2);
    const runner = new GroupRunner({ run, concurrency: 1, maxSize: 10 });
    const early = [1, 2, 3].map((item) => settle(runner.submit(item)));
    await finishNext();
    expect(groups).toEqual([[1], [2, 3]]);
    const late = [4, 5].map((item) => settle(runner.submit(item)));
    await finishAll();
    expect(groups).toEqual([[1], [2, 3], [2], [3], [4, 5]]);
    expect(await Promise.all([...early, ...late])).toEqual([10, 'failed on 2', 30, 40, 50]);
  });
});
