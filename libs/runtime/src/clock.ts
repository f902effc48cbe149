/** Time is injected: deadlines, phases and schedules are tested without sleeping. */
export abstract class Clock {
  /** "Today" depends on a time zone: `today(clock, timeZone)` in libs/tracking says it. */
  abstract now(): Date;
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
