import { JetStreamManager, RetentionPolicy, StorageType, StreamConfig, nanos } from 'nats';
import { deadLetterStreamName, deadLetterWildcard, eventsStreamName, eventsWildcard } from './subject';

const DAY_NS = nanos(24 * 60 * 60 * 1000);

/**
 * Creates (or brings up to date) the stream of domain events and the dead-letter stream.
 * Every service calls it at boot; it is idempotent. `replicas` copies of each stream: 3 on a
 * three-node JetStream cluster, so a node can die without losing an event.
 */
export async function ensureEventStreams(jsm: JetStreamManager, prefix: string, replicas = 1): Promise<void> {
  await ensureStream(jsm, {
    num_replicas: replicas,
    name: eventsStreamName(prefix),
    subjects: [eventsWildcard(prefix)],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    max_age: 30 * DAY_NS,
    duplicate_window: nanos(10 * 60 * 1000),
  });
  await ensureStream(jsm, {
    name: deadLetterStreamName(prefix),
    num_replicas: replicas,
    subjects: [deadLetterWildcard(prefix)],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    max_age: 90 * DAY_NS,
  });
}

async function ensureStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
  try {
    const info = await jsm.streams.info(config.name);
    const same =
      JSON.stringify(info.config.subjects) === JSON.stringify(config.subjects) &&
      info.config.max_age === config.max_age &&
      info.config.num_replicas === (config.num_replicas ?? info.config.num_replicas);
    if (!same) await jsm.streams.update(config.name, { ...info.config, ...config });
  } catch (err) {
    if ((err as { code?: string }).code !== '404') throw err;
    try {
      await jsm.streams.add(config);
    } catch (addErr) {
      // Another replica created it between our look and our add: that is the state we wanted.
      if (!/already in use|exists/i.test((addErr as Error).message)) throw addErr;
    }
  }
}
