import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Response } from 'light-my-request';
import { Role } from '@ogp/auth';
import { ScopeSet } from '@ogp/contracts';
import { expectToMatchContract } from '@ogp/testing';
import type { OutgoingHttpHeaders } from 'node:http';
import { UsersService } from '../identity/users.service';

/** The platform's operator, as a spec creates the first accounts through the services directly. */
export const SYSTEM_ADMIN = {
  id: '00000000-0000-4000-8000-00000000a001',
  roles: ['admin'] as Role[],
  scopes: { institutions: [], programmes: [] },
};

export interface GatewayAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a spec reads answers loosely, the contract check types them
  body: any;
  headers: OutgoingHttpHeaders;
}

export interface GatewayRequest {
  token?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is (a malformed body), as JSON unless the headers say otherwise. */
  raw?: string;
  headers?: Record<string, string>;
}

/** One request to the gateway in process: the bearer token, and a body with its content type. */
export function injectRequest(
  app: NestFastifyApplication,
  method: string,
  url: string,
  request: GatewayRequest = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...(request.headers ?? {}) };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.body !== undefined || request.raw !== undefined)
    headers['content-type'] = headers['content-type'] ?? 'application/json';
  return app.inject({
    method: method as 'GET',
    url,
    headers,
    payload: request.raw ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
  });
}

/**
 * The same request over real HTTP to a listening gateway (`base`, e.g. http://127.0.0.1:port): it
 * meets the server's front door (the cached public reads) as clients do, which `inject` skips.
 */
export async function httpRequest(
  base: string,
  method: string,
  url: string,
  request: GatewayRequest = {},
): Promise<{ statusCode: number; headers: Record<string, string>; body: string }> {
  const headers: Record<string, string> = { ...(request.headers ?? {}) };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.body !== undefined || request.raw !== undefined)
    headers['content-type'] = headers['content-type'] ?? 'application/json';
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    body: request.raw ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
  });
  return { statusCode: res.status, headers: Object.fromEntries(res.headers.entries()), body: await res.text() };
}

/**
 * One request to the gateway in process, in English, as JSON; every answer must match the
 * OpenAPI document.
 */
export async function contractCall(
  app: NestFastifyApplication,
  method: string,
  url: string,
  token?: string,
  body?: unknown,
): Promise<GatewayAnswer> {
  const res = await injectRequest(app, method, url, { token, body, headers: { 'accept-language': 'en' } });
  const answer = { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined, headers: res.headers };
  expectToMatchContract(method, url, answer.status, answer.body);
  return answer;
}

/**
 * A staff account made by the system admin through the accounts service, then logged in through
 * the gateway with the suite's own call: its access token.
 */
export async function staffToken(
  app: NestFastifyApplication,
  call: (method: string, url: string, request: { body: unknown }) => Promise<{ body: { accessToken: string } }>,
  password: string,
  email: string,
  role: Role,
  scopes?: ScopeSet,
): Promise<string> {
  await app
    .get(UsersService)
    .createByStaff(SYSTEM_ADMIN, { email, password, displayName: role, roles: [role], scopes });
  return (await call('POST', '/auth/login', { body: { email, password } })).body.accessToken;
}
