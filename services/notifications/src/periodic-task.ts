/**
 * Runs a task every `everyMs` from start() (a failure is reported and the next run comes as usual);
 * stop() ends the schedule and waits for a run in progress, so nothing runs on a closed database.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly everyMs: number,
    private readonly task: () => Promise<unknown>,
    private readonly failed: (err: Error) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running = this.task().catch(this.failed);
    }, this.everyMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
