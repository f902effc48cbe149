import { NOTIFICATION_TYPES } from '../dispatch/templates.constant';
import { defaultMode } from './default-mode';
import { preferenceModes } from './preference-modes';

describe('defaultMode', () => {
  it('e-mails alerts, blockers and news of what a person follows at once', () => {
    expect(defaultMode('reporting.alert.overdue')).toBe('immediate');
    expect(defaultMode('commitments.blocker.raised')).toBe('immediate');
    expect(defaultMode('commitments.progress.reported')).toBe('immediate');
    expect(defaultMode('participation.cycle.phase-opened')).toBe('immediate');
  });

  it('keeps the other types in the app', () => {
    expect(defaultMode('participation.idea.fate-changed')).toBe('off');
    expect(defaultMode('reporting.report.done')).toBe('off');
    expect(defaultMode('identity.user.created')).toBe('off');
  });
});

describe('preferenceModes', () => {
  it('gives every notification type a mode: the chosen one, else its default', () => {
    const modes = preferenceModes(new Map([['reporting.alert.overdue', 'digest' as const]]));
    expect(Object.keys(modes)).toEqual(NOTIFICATION_TYPES);
    expect(modes['reporting.alert.overdue']).toBe('digest');
    expect(modes['reporting.alert.late_reporting']).toBe('immediate');
    expect(modes['participation.comment.answered']).toBe('off');
  });
});
