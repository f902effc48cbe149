import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventEnvelope, Header } from '@ogp/contracts';
import { followLink, NATS_CONNECTION, withPrefix } from '@ogp/messaging';
import { accessLog, LOGGER, recordHttpAnswer, requestContext, SERVICE_CONFIG, startHttpSpan } from '@ogp/runtime';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NatsConnection, Subscription } from 'nats';
import type { Logger } from 'pino';
import { GatewayConfig } from '../gateway.config';
import { API_ANSWER_HEADERS } from '../http/answer-headers';
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
/** The service owning the cached reads, and its domain events. */
const OWNER = 'commitments';
const EVENTS = `events.${OWNER}.>`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `public`: a CDN and the portal may keep it; `no-cache`: they ask again (If-None-Match) before each use. */
export const PUBLIC_CACHE_CONTROL = 'public, no-cache';

interface CacheState {
  since: number;
}
const STATE = Symbol('publicCache');
type Req = FastifyRequest & { [STATE]?: CacheState };

/** Whether the request being served called the owner of the cached answers (or cannot tell: then yes). */
function reachedOwner(): boolean {
  const store = requestContext.getStore();
  return !store || (store.services?.has(OWNER) ?? false);
}

/** An incoming correlation id is echoed only when it is plainly one (otherwise a new one is made). */
const CORRELATION_ID = /^[\w.:-]{1,128}$/;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Answers visitors' public reads from memory ahead of Fastify (`answerAhead`), with a strong ETag
 * and 304 on If-None-Match. A request carrying a token is never answered from, nor stored in, the
 * cache (its answer may be personal). Entries go when a change touches them: a write reaching the
 * commitments service through any gateway replica (told to all of them over NATS) or a domain
 * event of the commitments service.
 */
@Injectable()
export class PublicCache implements OnModuleInit, OnModuleDestroy {
  readonly answers = new PublicAnswers();
  private readonly accessLog: Logger;
  private subscriptions: Subscription[] = [];
  private readonly replicaId = Math.random().toString(36).slice(2);
  /** Linked to NATS: otherwise changes may go unheard, so nothing is served from or kept in memory. */
  private linked = true;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.accessLog = accessLog(logger);
  }

  onModuleInit(): void {
    followLink(this.nc, {
      down: () => {
        this.linked = false;
        this.answers.clear();
      },
      up: () => {
        // Whatever changed meanwhile went unheard.
        this.answers.clear();
        this.linked = true;
      },
    });
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

  /**
   * The hit path, ahead of Fastify (the gateway's HTTP server hands every request here first): a
   * visitor's GET whose exact URL has an answer kept is written at once, with the headers every
   * answer carries, its metrics, span and access-log line; no routing, hooks or Nest run for it.
   * Only answers of cached routes are kept, under the URL Fastify routed, so the same URL is the
   * same route. Anything else (a token, another method, no answer kept) goes on to Fastify.
   */
  answerAhead(request: IncomingMessage, response: ServerResponse): boolean {
    if (!this.linked || request.method !== 'GET' || request.headers.authorization !== undefined || !request.url)
      return false;
    const started = performance.now();
    const answer = this.answers.get(request.url);
    if (!answer) return false;
    const incoming = request.headers[Header.CORRELATION_ID];
    const correlationId = typeof incoming === 'string' && CORRELATION_ID.test(incoming) ? incoming : randomUUID();
    const span = startHttpSpan('GET', answer.route, request.headers);
    // Each set of headers is one object literal: spreading a fresh object into another (the 200's
    // headers built from the 304's) made V8 keep ~400 bytes a request past two scavenges, 350-570 KB
    // promoted per scavenge against 1-3 KB, and 4x the scavenge time (--trace-gc-nvp, 64 connections).
    let status = 200;
    if (etagMatches(request.headers['if-none-match'], answer.etag)) {
      status = 304;
      response
        .writeHead(status, {
          [Header.CORRELATION_ID]: correlationId,
          ...API_ANSWER_HEADERS,
          etag: answer.etag,
          'cache-control': PUBLIC_CACHE_CONTROL,
          vary: 'authorization',
        })
        .end();
    } else {
      response
        .writeHead(status, {
          [Header.CORRELATION_ID]: correlationId,
          ...API_ANSWER_HEADERS,
          etag: answer.etag,
          'cache-control': PUBLIC_CACHE_CONTROL,
          vary: 'authorization',
          'content-type': answer.contentType,
          'content-length': answer.bytes.length,
        })
        .end(answer.bytes);
    }
    recordHttpAnswer(this.accessLog, {
      method: 'GET',
      route: answer.route,
      status,
      elapsedMs: performance.now() - started,
      correlationId,
      span,
    });
    return true;
  }

  /** Notes when a cacheable read started (its answer is kept on the way out unless a change came meanwhile). */
  register(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (request: Req, _reply: FastifyReply, done: () => void) => {
      if (
        this.linked &&
        request.method === 'GET' &&
        request.headers.authorization === undefined &&
        CACHED_ROUTES.has(request.routeOptions.url ?? '')
      )
        request[STATE] = { since: this.answers.generation() };
      done();
    });

    fastify.addHook(
      'onSend',
      (request: Req, reply: FastifyReply, payload: unknown, done: (err: Error | null, value?: unknown) => void) =>
        done(null, this.keep(request, reply, payload)),
    );
    this.logger.debug('public cache hooks registered');
  }

  /** On the way out: a write drops what it may have changed; a visitor's cacheable read is kept. */
  private keep(request: Req, reply: FastifyReply, payload: unknown): unknown {
    const method = request.method;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      // The change is made when its answer leaves: no later read here may see the old state. A
      // write that did not reach the owner of the cached answers (an idea, one's own profile)
      // cannot have changed them; its effects on them, if any, come later as the owner's events.
      if (reply.statusCode < 400 && !request.url.startsWith('/auth/') && reachedOwner()) this.written();
      return payload;
    }
    const state = request[STATE];
    if (!state || !this.linked || reply.statusCode !== 200 || typeof payload !== 'string') {
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
      request.routeOptions.url ?? 'unmatched',
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
  }
}
