import { Injectable } from '@nestjs/common';
import { Actor, assertProgrammeStaff } from '@ogp/auth';
import {
  CommitmentsEvents,
  DomainError,
  ErrorCode,
  invalidFields,
  ProgrammeSettings,
  ProgrammeSettingsChangedEvent,
  SetProgrammeSettingsCommand,
} from '@ogp/contracts';
import { OutboxWriter } from '@ogp/messaging';
import { isTimeZone } from '@ogp/tracking';
import { DataSource } from 'typeorm';
import { ChangeHistoryRepository } from '../history/change-history.repository';
import { ProgrammeSettingsRepository } from './programme-settings.repository';

/**
 * The one home of a programme's schedule settings. A change is written with its history and its
 * event in one transaction; the reporting service learns it from the event.
 */
@Injectable()
export class ProgrammeSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ProgrammeSettingsRepository,
    private readonly history: ChangeHistoryRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async set(actor: Actor | null, command: SetProgrammeSettingsCommand): Promise<ProgrammeSettings> {
    assertProgrammeStaff(actor, command.programmeId);
    return this.dataSource.transaction(async (m) => {
      const before = await this.repository.lock(m, command.programmeId);
      if (!before) throw new DomainError(ErrorCode.NOT_FOUND, 'no such programme');
      const { timeZone } = command.settings;
      if (timeZone !== undefined && !(isTimeZone(timeZone) && (await this.repository.knowsTimeZone(m, timeZone)))) {
        throw invalidFields(`unknown time zone ${timeZone}`, { field: 'timeZone', rule: 'timeZone' });
      }
      const { version: _version, ...current } = before;
      const after = await this.repository.save(m, {
        ...current,
        ...definedOnly(command.settings),
        programmeId: command.programmeId,
      });
      const { version, ...settings } = after;
      await this.history.record(m, {
        entityType: 'programme',
        entityId: command.programmeId,
        action: 'settings_changed',
        actorId: actor.id,
        before: current,
        after: settings,
      });
      await this.outbox.add(m, CommitmentsEvents.programmeSettingsChanged, {
        aggregate: { type: 'programme', id: command.programmeId },
        data: { ...settings, version },
        actorId: actor.id,
      });
      return settings;
    });
  }

  /** The settings in force, for the programme's staff (the coordination team and admins in scope). */
  async get(actor: Actor | null, programmeId: string): Promise<ProgrammeSettings> {
    assertProgrammeStaff(actor, programmeId);
    const stored = await this.repository.get(this.dataSource.manager, programmeId);
    if (!stored) throw new DomainError(ErrorCode.NOT_FOUND, 'no such programme');
    const { version: _version, ...settings } = stored;
    return settings;
  }

  /** The owner's settings, page by page, for a reader rebuilding its copy. */
  snapshot(after: string | undefined, limit: number): Promise<ProgrammeSettingsChangedEvent[]> {
    return this.repository.page(this.dataSource.manager, after, limit);
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
