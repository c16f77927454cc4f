// gatehouse list oauth2-clients: one page of GET /admin/clients; the next page token is read from Link.
import { clientTable } from '../client-output';
import { defineCommand, ENDPOINT_HELP, ENDPOINT_OPTIONS, FORMAT_HELP, FORMAT_OPTIONS } from '../command';
import { adminApi, adminCall, adminEndpoint } from '../endpoints';
import { outputFormat, printPage } from '../output';

/** The page_token of the rel="next" link, absent on the last page. */
export function nextPageToken(link: unknown): string | undefined {
  if (typeof link !== 'string') return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]*)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return new URL(m[1]!, 'http://link.invalid').searchParams.get('page_token') ?? undefined;
  }
  return undefined;
}

export const listClientsCommand = defineCommand({
  name: 'list oauth2-clients',
  aliases: ['list clients'],
  summary: 'list OAuth 2.0 clients, one page at a time',
  usage: '[-e URL] [--page-size N] [--page-token TOKEN] [--format FORMAT]',
  description: 'Lists OAuth 2.0 clients. Pass the printed next page token as --page-token to get the next page.',
  flagsHelp: `${ENDPOINT_HELP}\n      --page-size N             clients per page (server default 100, at most 500)\n      --page-token TOKEN        the page to show\n${FORMAT_HELP}`,
  example: 'gatehouse list oauth2-clients -e http://127.0.0.1:4445 --page-size 10',
  options: { ...ENDPOINT_OPTIONS, ...FORMAT_OPTIONS, 'page-size': { type: 'string' }, 'page-token': { type: 'string' } },
  async run(flags) {
    const format = outputFormat(flags);
    const endpoint = adminEndpoint(flags);
    const pageSize = flags.integer('page-size');
    const pageToken = flags.string('page-token');
    const res = await adminCall(endpoint, () => adminApi(endpoint).listOAuth2Clients({ pageSize, pageToken }));
    printPage(format, clientTable(res.data), nextPageToken(res.headers.link));
  },
});
