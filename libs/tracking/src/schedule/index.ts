export * from './calendar-date';
export * from './today';
export * from './overdue';
export * from './late';
export * from './programme-schedule.constant';
