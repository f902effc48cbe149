import { NextResponse } from 'next/server';
import { gateway } from '../../../../../../gateway/gateway-client';
import { GatewayError } from '../../../../../../gateway/gateway-error';
import { isLocale } from '../../../../../../i18n/locales';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A report job's status and progress for its page's progress bar (polled every second): the gateway's answer, two fields only. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ locale: string; id: string }> },
): Promise<NextResponse> {
  const { locale, id } = await params;
  const headers = { 'cache-control': 'no-store' };
  if (!isLocale(locale) || !UUID.test(id)) return NextResponse.json({ error: 'not found' }, { status: 404, headers });
  try {
    const report = await (
      await gateway.user(locale)
    ).get<{ status: string; progress: number }>('/reports/{id}', { path: { id } });
    return NextResponse.json({ status: report.status, progress: report.progress }, { headers });
  } catch (error) {
    if (error instanceof GatewayError && error.status < 500)
      return NextResponse.json({ error: error.code }, { status: error.status, headers });
    return NextResponse.json({ error: 'unavailable' }, { status: 502, headers });
  }
}
