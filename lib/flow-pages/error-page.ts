// /error: Hydra sends the browser here (URLS_ERROR) when it cannot send an error back to the client,
// for example for an unknown client or redirect URI. The parameters are only ever shown as text.
import { z } from 'zod';
import { errorView } from '../../components/flow-pages/error-view';
import { pageView, type FlowContext } from './context';
import { sendPage } from './respond';

const errorParams = z.object({
  error: z.string().max(100).regex(/^[\x20-\x7e]*$/).catch(''),
  error_description: z.string().max(1000).catch(''),
});

export async function getError(ctx: FlowContext): Promise<void> {
  const { error, error_description: description } = errorParams.parse(ctx.query);
  sendPage(ctx.res, 200, errorView(pageView(ctx), error, description));
}
