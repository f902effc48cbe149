import { relayFeed } from '../../../../components/feeds/relay-feed';

/** Calendars (iCalendar), open-data files and the Atom feed, relayed from the gateway: the browser and calendar apps never need its address. */
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  return relayFeed(request, (await params).path.join('/'));
}
