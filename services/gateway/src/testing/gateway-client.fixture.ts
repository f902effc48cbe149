import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@ogp/auth';
import { expectToMatchContract } from '@ogp/testing';
import type { OutgoingHttpHeaders } from 'node:http';

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
  const headers: Record<string, string> = { 'accept-language': 'en' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await app.inject({
    method: method as 'GET',
    url,
    headers,
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined, headers: res.headers };
  expectToMatchContract(method, url, answer.status, answer.body);
  return answer;
}
