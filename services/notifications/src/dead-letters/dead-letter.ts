/** An e-mail given up after every retry, or an event no consumer could handle, as admins see it. */
export interface DeadLetter {
  id: string;
  kind: 'email' | 'event';
  subject: string;
  reason: string;
  at: string;
}
