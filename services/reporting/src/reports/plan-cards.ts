import { Inject, Injectable } from '@nestjs/common';
import { CommitmentsRpc, Localized } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { LOGGER } from '@ogp/runtime';
import type { Logger } from 'pino';
import { CommitmentContact } from './documents/plan-report-data';

const TIMEOUT_MS = 5000;

/**
 * What the reports need from commitment cards that the read models do not copy: the plan's
 * title, each commitment's lead institution and contact. Asked of the commitments service (it
 * owns them) when a report is generated; if it does not answer, the report says "not available"
 * rather than failing, and the warning says why.
 */
@Injectable()
export class PlanCards {
  constructor(
    private readonly rpc: NatsRpcClient,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async planTitle(planId: string): Promise<Localized | null> {
    try {
      return (await this.rpc.request(CommitmentsRpc.getPlan, { id: planId }, { timeoutMs: TIMEOUT_MS })).title;
    } catch (err) {
      this.logger.warn(
        { planId, err: (err as Error).message },
        'report without the plan title: the commitments service did not give it',
      );
      return null;
    }
  }

  /** Contact and lead institution per commitment id, fetched a few at a time. */
  async commitments(
    ids: string[],
  ): Promise<Map<string, { contact: CommitmentContact | null; institution: Localized | null }>> {
    const out = new Map<string, { contact: CommitmentContact | null; institution: Localized | null }>();
    const institutions = new Map<string, Promise<Localized | null>>();
    const institution = (id: string) => {
      if (!institutions.has(id))
        institutions.set(
          id,
          this.rpc.request(CommitmentsRpc.getInstitution, { id }, { timeoutMs: TIMEOUT_MS }).then(
            (i) => i.name,
            () => null,
          ),
        );
      return institutions.get(id)!;
    };
    try {
      for (let i = 0; i < ids.length; i += 8) {
        await Promise.all(
          ids.slice(i, i + 8).map(async (id) => {
            const c = await this.rpc.request(CommitmentsRpc.getCommitment, { id }, { timeoutMs: TIMEOUT_MS });
            const contact = c.card?.contact as CommitmentContact | undefined;
            out.set(id, {
              contact: contact?.name ? contact : null,
              institution: await institution(c.leadInstitutionId),
            });
          }),
        );
      }
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message },
        'report without some contacts: the commitments service did not give the cards',
      );
    }
    return out;
  }
}
