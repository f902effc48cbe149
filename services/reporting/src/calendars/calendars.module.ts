import { Module } from '@nestjs/common';
import { CalendarEntriesRepository } from './calendar-entries.repository';
import { CalendarsController } from './calendars.controller';
import { CalendarsService } from './calendars.service';

/** The programme's calendar entries and their feeds. */
@Module({
  controllers: [CalendarsController],
  providers: [CalendarEntriesRepository, CalendarsService],
})
export class CalendarsModule {}
