/** A password reset link as stored. */
export interface ResetLinkState {
  expires_at: Date;
  used_at: Date | null;
  invalidated_at: Date | null;
}

/** A reset link works once, before it expires, and only while no newer link or password change invalidated it. */
export function resetLinkUsable(link: ResetLinkState | undefined, now: Date): link is ResetLinkState {
  return !!link && !link.used_at && !link.invalidated_at && new Date(link.expires_at).getTime() > now.getTime();
}
