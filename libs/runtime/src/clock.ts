/** Time is injected: deadlines, phases and schedules are tested without sleeping. */
export abstract class Clock {
  abstract now(): Date;

  /** Today's date (YYYY-MM-DD) in UTC. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock a test sets by hand. */
export class FixedClock extends Clock {
  constructor(private current: Date) {
    super();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date | string): void {
    this.current = new Date(date);
  }
}
