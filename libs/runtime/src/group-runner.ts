interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
  /** Its group failed: it runs again in a group of its own, so that one item's failure is its own. */
  alone: boolean;
}

export interface GroupRunnerOptions<T, R> {
  /** Runs a group; answers one result per item, in the items' order. */
  run(items: T[]): Promise<R[]>;
  /** Groups running at once; further items wait and leave together in the next group. */
  concurrency: number;
  /** The most items in one group. */
  maxSize: number;
}

/**
 * Group commit: items submitted while `concurrency` groups are already running wait, and the next
 * group to start takes all of them (up to `maxSize`) in one `run`. An item submitted while fewer
 * groups run starts at once, so a lone item waits for nothing. When a group of several fails, each
 * of its items runs again alone: one item's failure is not its neighbours' (a `run` must therefore be
 * all or nothing, as one transaction is).
 *
 * Not a batching library such as DataLoader: that groups what arrives within one tick and starts
 * every group at once, where this groups what arrives while the runs in progress hold the slots.
 */
export class GroupRunner<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private running = 0;

  constructor(private readonly options: GroupRunnerOptions<T, R>) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject, alone: false });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.waiting.length > 0) {
      const group = this.take();
      this.running += 1;
      void this.runGroup(group).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  /** The next group: the first waiting item alone if it must be, else the first items that may share a group. */
  private take(): Waiting<T, R>[] {
    if (this.waiting[0].alone) return this.waiting.splice(0, 1);
    const group: Waiting<T, R>[] = [];
    const rest: Waiting<T, R>[] = [];
    for (const job of this.waiting) (job.alone || group.length >= this.options.maxSize ? rest : group).push(job);
    this.waiting = rest;
    return group;
  }

  private async runGroup(group: Waiting<T, R>[]): Promise<void> {
    let results: R[];
    try {
      results = await this.options.run(group.map((job) => job.item));
    } catch (err) {
      if (group.length === 1) return group[0].reject(err);
      for (const job of group) job.alone = true;
      this.waiting.unshift(...group);
      return;
    }
    group.forEach((job, i) => job.resolve(results[i]));
  }
}
