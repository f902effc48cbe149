import { isUuid } from '../../../../gateway/read-or-missing';
import { relayDownload } from '../../../../gateway/relay-download';

/** An open-data report (PDF, XLSX, CSV, JSON) the platform published. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!isUuid(id)) return new Response('not found', { status: 404 });
  return relayDownload(`/reports/${id}/download`);
}
