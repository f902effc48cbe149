import 'reflect-metadata';
import { remoteStrategySubject, TrackingInput, TrackingResult } from '@ogp/contracts';
import { connectNats, withPrefix } from '@ogp/messaging';
import { indicatorsAgainstTargets, roundProgress, weightedActivities } from '@ogp/tracking';

/**
 * An example of a ministry's own strategy, run as its own process (no access to the platform's
 * database or code paths): it answers `tracking.strategies.blended.compute` with 70 % weighted
 * activities and 30 % indicators against targets.
 *   NATS_URL=nats://127.0.0.1:4222 node services/commitments/dist/tracking/remote-strategy-example.js
 */
export function blended(input: TrackingInput): TrackingResult {
  const activities = weightedActivities.compute(input).progress;
  if (input.indicators.length === 0)
    return { progress: activities, explanation: 'blended: no indicators, activities only' };
  const indicators = indicatorsAgainstTargets.compute(input).progress;
  return {
    progress: roundProgress(0.7 * activities + 0.3 * indicators),
    explanation: `blended: 70% activities (${activities}) + 30% indicators (${indicators})`,
  };
}

async function main(): Promise<void> {
  const nc = await connectNats({ url: process.env.NATS_URL ?? 'nats://127.0.0.1:4222', name: 'strategy-blended' });
  const subject = withPrefix(process.env.NATS_PREFIX ?? '', remoteStrategySubject('blended'));
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  nc.subscribe(subject, {
    queue: 'strategy-blended',
    callback: (_err, msg) => {
      let reply: unknown;
      try {
        const packet = JSON.parse(decoder.decode(msg.data)) as { data: TrackingInput; id: string };
        reply = { id: packet.id, response: blended(packet.data), isDisposed: true };
      } catch (err) {
        reply = { err: { code: 'VALIDATION_FAILED', message: (err as Error).message }, isDisposed: true };
      }
      msg.respond(encoder.encode(JSON.stringify(reply)));
    },
  });
  process.stdout.write(`READY ${subject}\n`);
  const stop = async () => {
    await nc.drain();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) void main();
