// Both apps under test, each in front of its own packaged token server, with a benchmark client each.
import type { FlowOptions } from './authorization-code-flow';
import { createBenchClient, REFERENCE_USER, startGatehouse, startReference, type Service } from './processes';
import type { AppName } from './report';

const REDIRECT_URI = 'http://127.0.0.1:9/callback';
const SCOPE = 'openid offline_access profile email';

export type Target = { app: AppName; flow: FlowOptions; appUrl: string; adminUrl: string; services: Service[] };

export async function startTargets(): Promise<{ targets: Target[]; stop: () => Promise<void> }> {
  // Started side by side; if one fails, the other is stopped before the error is reported.
  const [g, r] = await Promise.allSettled([startGatehouse(), startReference()]);
  if (g.status === 'rejected' || r.status === 'rejected') {
    await Promise.all([g.status === 'fulfilled' ? g.value.stack.stop() : undefined, r.status === 'fulfilled' ? r.value.stop() : undefined]);
    throw g.status === 'rejected' ? g.reason : (r as PromiseRejectedResult).reason;
  }
  const [gatehouse, reference] = [g.value, r.value];
  const stop = async () => {
    await Promise.all([gatehouse.stack.stop(), reference.stop()]);
  };
  try {
    const [gClient, rClient] = await Promise.all([createBenchClient(gatehouse.stack.adminUrl, REDIRECT_URI), createBenchClient(reference.adminUrl, REDIRECT_URI)]);
    const base = { redirectUri: REDIRECT_URI, scope: SCOPE, remember: false };
    return {
      stop,
      targets: [
        {
          app: 'gatehouse',
          appUrl: gatehouse.stack.appUrl,
          adminUrl: gatehouse.stack.adminUrl,
          services: gatehouse.services,
          flow: { ...base, publicUrl: gatehouse.stack.publicUrl, clientId: gClient.client_id, clientSecret: gClient.client_secret, email: gatehouse.stack.demo.email, password: gatehouse.stack.demo.password },
        },
        {
          app: 'reference',
          appUrl: reference.appUrl,
          adminUrl: reference.adminUrl,
          services: reference.services,
          flow: { ...base, publicUrl: reference.publicUrl, clientId: rClient.client_id, clientSecret: rClient.client_secret, ...REFERENCE_USER },
        },
      ],
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
