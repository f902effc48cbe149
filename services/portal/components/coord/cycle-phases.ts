/** The phases the new-cycle form offers, in their order in a cycle. */
export const FORM_PHASES = ['ideas', 'consultation', 'candidacy'] as const;
