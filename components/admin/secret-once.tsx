/** A secret shown exactly once, with what to do about it. */
export function SecretOnce({ clientId, secret }: { clientId: string; secret?: string }) {
  return (
    <div role="status" className="space-y-2 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50">
      <p>
        Client <code className="font-mono" id="created-client-id">{clientId}</code> is ready.
      </p>
      {secret ? (
        <>
          <p>Copy its secret now: it is shown only this once and cannot be read back later.</p>
          <code id="client-secret" className="block break-all rounded bg-white px-3 py-2 font-mono text-slate-900 dark:bg-slate-900 dark:text-slate-100">
            {secret}
          </code>
        </>
      ) : (
        <p>This is a public client: it has no secret.</p>
      )}
    </div>
  );
}
