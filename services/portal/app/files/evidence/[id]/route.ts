import { isUuid } from '../../../../gateway/read-or-missing';
import { relayDownload } from '../../../../gateway/relay-download';

/** An evidence file of a progress report (public, like the report). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!isUuid(id)) return new Response('not found', { status: 404 });
  return relayDownload(`/evidence/${id}`);
}
