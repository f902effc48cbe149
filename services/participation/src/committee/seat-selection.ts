/** The first day of a term plus whole months, as a calendar date (YYYY-MM-DD, UTC arithmetic). */
export function termEnd(termStart: string, months: number): string {
  const d = new Date(`${termStart.slice(0, 10)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * The civil-society seats a selection fills: the best-ranked candidacies, as many as the seats
 * the committee has beyond those still held by a running term (never fewer than none).
 */
export function candidaciesToSeat<T>(ranked: readonly T[], seats: number, liveSeats: number): T[] {
  return ranked.slice(0, Math.max(0, seats - liveSeats));
}

/** Equal seats for government and civil society: the committee's parity. */
export function parityOf(seats: readonly { sector: 'government' | 'civil_society' }[]) {
  const government = seats.filter((s) => s.sector === 'government').length;
  const civilSociety = seats.length - government;
  return { government, civilSociety, parity: government === civilSociety };
}
