import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobContract, ReportingJobs } from './job-name.constant';

export type JobHandler<T> = (data: T, job: Job) => Promise<unknown>;

/** One handler per job name: a second, or a missing one, stops the boot instead of dropping jobs. */
@Injectable()
export class JobRegistry {
  private readonly handlers = new Map<string, JobHandler<unknown>>();

  register<T>(contract: JobContract<T>, handler: JobHandler<T>): void {
    if (this.handlers.has(contract.name)) throw new Error(`job ${contract.name} has two handlers`);
    this.handlers.set(contract.name, handler as JobHandler<unknown>);
  }

  assertComplete(expected: readonly JobContract<unknown>[] = Object.values(ReportingJobs)): void {
    const missing = expected.filter((c) => !this.handlers.has(c.name)).map((c) => c.name);
    if (missing.length) throw new Error(`jobs without a handler: ${missing.join(', ')}`);
  }

  handlerFor(name: string): JobHandler<unknown> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`no handler for job ${name}`);
    return handler;
  }
}
