import type { ClientInfo } from '@/lib/hydra/types';

/** The application asking, with its logo when it registered one (the name is never hidden behind it). */
export function ClientIdentity({ client }: { client: ClientInfo }) {
  return (
    <div className="flex items-center gap-3">
      {client.logoUri ? (
        <img src={client.logoUri} alt="" className="h-10 w-10 shrink-0 rounded-lg border border-slate-200 object-contain dark:border-slate-700" />
      ) : (
        <span aria-hidden="true" className="grid h-10 w-10 shrink-0 place-items-center rounded-lg bg-slate-100 text-lg font-semibold text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          {client.name.slice(0, 1).toUpperCase()}
        </span>
      )}
      <span className="min-w-0 font-semibold break-words">{client.name}</span>
    </div>
  );
}
