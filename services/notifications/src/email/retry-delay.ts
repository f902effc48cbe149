/** The wait before sending again after failed attempt number `attempts`: 1 s, doubling, at most 5 min. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(300, 2 ** (attempts - 1));
}
