import { INestApplication } from '@nestjs/common';
import { Actor } from '@ogp/auth';
import { CommitmentsRpc, CommitmentView } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { createLogger, FixedClock, loadConfig } from '@ogp/runtime';
import { TEST_NATS_URL, TestIsolation } from '@ogp/testing';
import { randomUUID } from 'node:crypto';
import { connect, NatsConnection } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import { createCommitmentsApp } from '../src/commitments.app';
import { CommitmentsConfig } from '../src/commitments.config';

export const coordinator: Actor = {
  id: randomUUID(),
  roles: ['coordinator'],
  scopes: { institutions: [], programmes: [] },
};

/**
 * The commitments service in process, in its own schema, with small factories that create what a
 * repository spec reads through the service's own commands.
 */
export class CommitmentsTestApp {
  readonly iso = new TestIsolation();
  readonly clock = new FixedClock(new Date('2019-06-01T10:00:00Z'));
  app!: INestApplication;
  rpc!: NatsRpcClient;
  private nc!: NatsConnection;
  private number = 0;

  get manager(): EntityManager {
    return this.app.get(DataSource).manager;
  }

  async start(): Promise<this> {
    const config = loadConfig(CommitmentsConfig, this.iso.env('commitments'));
    ({ app: this.app } = await createCommitmentsApp(config, createLogger('commitments', 'warn'), this.clock));
    this.nc = await connect({ servers: TEST_NATS_URL });
    this.rpc = new NatsRpcClient(() => this.nc, this.iso.prefix, 10000);
    return this;
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.nc?.close();
    await this.iso.cleanup();
  }

  async programme(code = `P${randomUUID().slice(0, 6)}`): Promise<string> {
    return (
      await this.rpc.request(
        CommitmentsRpc.createProgramme,
        { code, kind: 'ogp_national', name: { ar: 'البرنامج' } },
        { actor: coordinator },
      )
    ).id;
  }

  async institution(code = `I${randomUUID().slice(0, 6)}`): Promise<string> {
    return (
      await this.rpc.request(
        CommitmentsRpc.createInstitution,
        { code, kind: 'ministry', name: { ar: `وزارة ${code}` } },
        { actor: coordinator },
      )
    ).id;
  }

  async plan(programmeId: string): Promise<{ planId: string; areaId: string }> {
    const planId = (
      await this.rpc.request(
        CommitmentsRpc.createPlan,
        {
          programmeId,
          code: `PL${randomUUID().slice(0, 6)}`,
          title: { ar: 'خطة' },
          startDate: '2018-09-01',
          endDate: '2020-08-31',
        },
        { actor: coordinator },
      )
    ).id;
    const areaId = (
      await this.rpc.request(
        CommitmentsRpc.createArea,
        { planId, code: 'A1', title: { ar: 'محور' } },
        { actor: coordinator },
      )
    ).id;
    return { planId, areaId };
  }

  /** A commitment started 2018-09-01; activities end on the dates given (the clock's today is 2019-06-01). */
  async commitment(
    where: { planId: string; areaId: string; leadInstitutionId: string; supportingInstitutionIds?: string[] },
    activityEnds: string[] = ['2019-12-31'],
    title = 'الالتزام',
  ): Promise<CommitmentView> {
    this.number += 1;
    return this.rpc.request(
      CommitmentsRpc.createCommitment,
      {
        ...where,
        number: this.number,
        title: { ar: `${title} ${this.number}` },
        startDate: '2018-09-01',
        endDate: '2020-08-31',
        ogpValues: ['access_to_information'],
        activities: activityEnds.map((endDate, i) => ({
          title: { ar: `نشاط ${i + 1}` },
          startDate: '2018-09-01',
          endDate,
        })),
      } as never,
      { actor: coordinator },
    );
  }
}
