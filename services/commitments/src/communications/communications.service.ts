import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, RoleGroup } from '@ogp/auth';
import { CommitmentsEvents, CommitmentsRpc, CommunicationDto } from '@ogp/contracts';
import { runIdempotent } from '@ogp/messaging';
import { DataSource } from 'typeorm';
import { eventBase } from '../commitments/commitment-row';
import { CommitmentsRepository } from '../commitments/commitments.repository';
import { CommitmentJournal } from '../history/commitment-journal';
import { CommitmentChangeRunner } from '../progress/commitment-change.runner';
import { CommunicationRow, CommunicationsRepository } from './communications.repository';

/** A commitment's communication activities (events, publications, campaigns). */
@Injectable()
export class CommunicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: CommitmentChangeRunner,
    private readonly repository: CommunicationsRepository,
    private readonly commitments: CommitmentsRepository,
    private readonly journal: CommitmentJournal,
  ) {}

  /** Reports one; a retry with the same key answers the first one's id and stores nothing. */
  async add(
    actor: Actor | null,
    commitmentId: string,
    dto: CommunicationDto,
    idempotencyKey: string | null = null,
  ): Promise<{ id: string }> {
    let answer = { id: '' };
    await this.runner.run(actor, commitmentId, RoleGroup.MANAGERS, async (m, row, who) => {
      answer = await runIdempotent(
        m,
        idempotencyKey && `${who.id}:${idempotencyKey}`,
        CommitmentsRpc.addCommunication.subject,
        async () => {
          const id = randomUUID();
          await this.repository.insert(m, { ...dto, id, commitmentId, reportedBy: who.id });
          await this.journal.record(
            m,
            commitmentId,
            who.id,
            { action: 'communication_reported', before: null, after: { id, kind: dto.kind, title: dto.title } },
            { contract: CommitmentsEvents.communicationReported, data: { ...eventBase(row), kind: dto.kind } },
          );
          return { id };
        },
      );
      return false;
    });
    return answer;
  }

  async list(commitmentId: string): Promise<CommunicationRow[]> {
    await this.commitments.assertExists(this.dataSource.manager, commitmentId);
    return this.repository.listOf(this.dataSource.manager, commitmentId);
  }
}
