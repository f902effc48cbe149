import { Injectable } from '@nestjs/common';

export type ReadinessProbe = () => Promise<void>;

/** Each module that depends on a server registers how to check it; readiness runs them all. */
@Injectable()
export class HealthRegistry {
  private readonly probes = new Map<string, ReadinessProbe>();
  /** Servers whose loss the process survives (it serves, in a degraded way): shown, not counted against readiness. */
  private readonly degradable = new Set<string>();
  private shuttingDown = false;

  register(name: string, probe: ReadinessProbe, options: { degradesGracefully?: boolean } = {}): void {
    this.probes.set(name, probe);
    if (options.degradesGracefully) this.degradable.add(name);
    else this.degradable.delete(name);
  }

  /** Once shutdown begins, readiness fails so load balancers stop sending work. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async check(timeoutMs = 2000): Promise<{ ready: boolean; checks: Record<string, string> }> {
    const checks: Record<string, string> = {};
    await Promise.all(
      [...this.probes].map(async ([name, probe]) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            probe(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
            }),
          ]);
          checks[name] = 'up';
        } catch (err) {
          checks[name] = `${this.degradable.has(name) ? 'degraded' : 'down'}: ${(err as Error).message}`;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    if (this.shuttingDown) checks.lifecycle = 'down: shutting down';
    return { ready: Object.values(checks).every((v) => v === 'up' || v.startsWith('degraded')), checks };
  }
}
