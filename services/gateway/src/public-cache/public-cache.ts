import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventEnvelope } from '@ogp/contracts';
import { NATS_CONNECTION, withPrefix } from '@ogp/messaging';
import { LOGGER, SERVICE_CONFIG } from '@ogp/runtime';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Events, NatsConnection, Subscription } from 'nats';
import type { Logger } from 'pino';
import { GatewayConfig } from '../gateway.config';
import { etagMatches, PublicAnswers } from './public-answers';

/**
 * The public reads kept in memory (Fastify route patterns). All are @Public() GETs of data the
 * commitments service owns, whose answer to a visitor depends on the URL alone (and on the date,
 * see PublicAnswers.key).
 */
export const CACHED_ROUTES: ReadonlySet<string> = new Set([
  '/programmes',
  '/programmes/:id',
  '/programmes/:id/plans',
  '/plans/:id',
  '/plans/:id/dashboard',
  '/institutions',
  '/commitments',
  '/commitments/:id',
  '/commitments/:id/history',
  '/commitments/:id/reports',
  '/commitments/:id/communications',
]);

/** Every gateway replica hears this (no queue group): a write went through one of them. */
export const CHANGED_SUBJECT = 'gateway.public-cache.changed';
/** The domain events of the service owning the cached reads. */
const EVENTS = 'events.commitments.>';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `public`: a CDN and the portal may keep it; `no-cache`: they ask again (If-None-Match) before each use. */
export const PUBLIC_CACHE_CONTROL = 'public, no-cache';

interface CacheState {
  since: number;
  hit: boolean;
}
const STATE = Symbol('publicCache');
type Req = FastifyRequest & { [STATE]?: CacheState };

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Answers visitors' public reads from memory at the first hook of the request, with a strong ETag
 * and 304 on If-None-Match. A request carrying a token is never answered from, nor stored in, the
 * cache (its answer may be personal). Entries go when a change touches them: a write through any
 * gateway replica (told to all of them over NATS) or a domain event of the commitments service.
 */
@Injectable()
export class PublicCache implements OnModuleInit, OnModuleDestroy {
  readonly answers = new PublicAnswers();
  private subscriptions: Subscription[] = [];
  private readonly replicaId = Math.random().toString(36).slice(2);
  /** Linked to NATS: otherwise changes may go unheard, so nothing is served from or kept in memory. */
  private linked = true;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    void (async () => {
      for await (const status of this.nc.status()) {
        if (status.type === Events.Disconnect) {
          this.linked = false;
          this.answers.clear();
        } else if (status.type === Events.Reconnect) {
          // Whatever changed meanwhile went unheard.
          this.answers.clear();
          this.linked = true;
        }
      }
    })().catch(() => undefined);
    this.subscriptions = [
      this.nc.subscribe(withPrefix(this.config.NATS_PREFIX, CHANGED_SUBJECT), {
        callback: (_err, msg) => {
          // Our own announcement: this replica already dropped its answers.
          if (msg.string() !== this.replicaId) this.answers.clear();
        },
      }),
      this.nc.subscribe(withPrefix(this.config.NATS_PREFIX, EVENTS), {
        callback: (_err, msg) => this.onEvent(msg.data),
      }),
    ];
  }

  onModuleDestroy(): void {
    for (const s of this.subscriptions) s.unsubscribe();
    this.subscriptions = [];
  }

  /**
   * A domain event: drops the answers naming its ids (and the lists). A change to a programme (its
   * reporting period, its time zone) changes the late and overdue figures of every plan and card
   * under it, which name the plan or the commitment, not the programme: it drops all, as does an
   * unreadable event.
   */
  onEvent(data: Uint8Array): void {
    let ids: string[] = [];
    try {
      const envelope = JSON.parse(decoder.decode(data)) as EventEnvelope<Record<string, unknown>>;
      if (envelope.aggregate?.type !== 'programme') {
        ids = [envelope.aggregate?.id, ...Object.values(envelope.data ?? {})].filter(
          (v): v is string => typeof v === 'string' && UUID.test(v),
        );
      }
    } catch {
      ids = [];
    }
    if (ids.length === 0) this.answers.clear();
    else this.answers.changed(ids);
  }

  /** A write went through this gateway: drop everything here at once, and tell the other replicas. */
  private written(): void {
    this.answers.clear();
    if (!this.nc.isClosed())
      this.nc.publish(withPrefix(this.config.NATS_PREFIX, CHANGED_SUBJECT), encoder.encode(this.replicaId));
  }

  register(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', async (request: Req, reply: FastifyReply) => {
      if (
        !this.linked ||
        request.method !== 'GET' ||
        request.headers.authorization !== undefined ||
        !CACHED_ROUTES.has(request.routeOptions.url ?? '')
      )
        return;
      const answer = this.answers.get(request.url);
      if (!answer) {
        request[STATE] = { since: this.answers.generation(), hit: false };
        return;
      }
      request[STATE] = { since: 0, hit: true };
      void reply
        .header('etag', answer.etag)
        .header('cache-control', PUBLIC_CACHE_CONTROL)
        .header('vary', 'authorization');
      if (etagMatches(request.headers['if-none-match'], answer.etag)) return reply.code(304).send();
      return reply.header('content-type', answer.contentType).send(answer.body);
    });

    fastify.addHook('onSend', async (request: Req, reply: FastifyReply, payload: unknown) => {
      const method = request.method;
      if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
        // The change is made when its answer leaves: no later read here may see the old state.
        if (reply.statusCode < 400 && !request.url.startsWith('/auth/')) this.written();
        return payload;
      }
      const state = request[STATE];
      if (!state || state.hit || !this.linked || reply.statusCode !== 200 || typeof payload !== 'string') {
        // A public read answered to a token holder may be personal: no shared cache keeps it.
        if (
          method === 'GET' &&
          request.headers.authorization !== undefined &&
          CACHED_ROUTES.has(request.routeOptions.url ?? '')
        )
          void reply.header('cache-control', 'private, no-cache');
        return payload;
      }
      const answer = this.answers.put(
        request.url,
        state.since,
        payload,
        String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
      );
      if (!answer) return payload;
      void reply
        .header('etag', answer.etag)
        .header('cache-control', PUBLIC_CACHE_CONTROL)
        .header('vary', 'authorization');
      if (etagMatches(request.headers['if-none-match'], answer.etag)) {
        void reply.code(304).removeHeader('content-type');
        return null;
      }
      return payload;
    });
    this.logger.debug('public cache hooks registered');
  }
}
