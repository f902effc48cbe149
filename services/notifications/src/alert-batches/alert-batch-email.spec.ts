import { alertBatchEmail } from './alert-batch-email';

describe('alertBatchEmail', () => {
  it('counts the alerts in the subject and lists them under a heading per kind', () => {
    const mail = alertBatchEmail(
      'en',
      ['deadline_approaching', 'overdue', 'overdue'],
      ['Activity A is due', 'Activity B was due', 'Activity C was due'],
    );
    expect(mail.subject).toBe('Tracking alerts (3)');
    expect(mail.body).toBe(
      [
        'The automatic tracking found the following items (3):',
        'Activities nearing their deadline (1)\n- Activity A is due',
        'Overdue activities (2)\n- Activity B was due\n- Activity C was due',
      ].join('\n\n'),
    );
  });

  it('writes in Arabic when the language is not one of the platform', () => {
    expect(alertBatchEmail('de', ['overdue', 'overdue'], ['a', 'b']).subject).toBe('تنبيهات التتبع (2)');
  });
});
