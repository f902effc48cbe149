import { NextRequest, NextResponse } from 'next/server';
import { gateway } from '../../../../../gateway/gateway-client';
import { GatewayError } from '../../../../../gateway/gateway-error';
import { isLocale } from '../../../../../i18n/locales';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Similar ideas of a cycle for the idea form's live suggestions: the gateway's public answer, id and title only. */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ locale: string }> },
): Promise<NextResponse> {
  const { locale } = await params;
  const cycleId = request.nextUrl.searchParams.get('cycle') ?? '';
  const text = (request.nextUrl.searchParams.get('text') ?? '').slice(0, 1000);
  if (!isLocale(locale) || !UUID.test(cycleId) || text.trim().length < 3)
    return NextResponse.json([], { headers: { 'cache-control': 'no-store' } });
  try {
    const found = await (
      await gateway.public(locale)
    ).get<{ id: string; title: string; similarity: number }[]>('/cycles/{id}/ideas/similar', {
      path: { id: cycleId },
      query: { text },
    });
    return NextResponse.json(
      found.slice(0, 5).map(({ id, title, similarity }) => ({ id, title, similarity })),
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (error) {
    if (error instanceof GatewayError && error.status < 500)
      return NextResponse.json([], { status: 200, headers: { 'cache-control': 'no-store' } });
    return NextResponse.json([], { status: 502, headers: { 'cache-control': 'no-store' } });
  }
}
