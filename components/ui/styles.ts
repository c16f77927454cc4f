// The look of the shared UI pieces, one definition for the React components (account area, console,
// error pages) and the flow pages' HTML ones, so the two cannot drift apart.

const BASE = 'inline-flex min-h-11 items-center justify-center rounded-lg px-4 py-2.5 text-base font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60';

export const BUTTON_CLASSES = {
  primary: `${BASE} w-full bg-accent text-white shadow-sm hover:brightness-110`,
  secondary: `${BASE} w-full border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700`,
  link: 'rounded text-sm font-medium text-slate-700 underline underline-offset-4 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white',
} as const;

export type ButtonVariant = keyof typeof BUTTON_CLASSES;

export const FIELD_CLASSES = {
  group: 'space-y-1.5',
  label: 'block text-sm font-medium text-slate-800 dark:text-slate-200',
  input: 'block min-h-11 w-full rounded-lg border bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 dark:bg-slate-950 dark:text-slate-100',
  inputBorder: 'border-slate-300 dark:border-slate-600',
  inputBorderInvalid: 'border-red-600 dark:border-red-400',
  error: 'text-sm text-red-700 dark:text-red-300',
  hint: 'text-sm text-slate-600 dark:text-slate-400',
} as const;

export const CHECKBOX_CLASSES = {
  row: 'flex items-start gap-3',
  input: 'mt-0.5 h-5 w-5 shrink-0 rounded border-slate-400 accent-accent',
  text: 'min-w-0',
} as const;

export const ALERT_CLASSES = 'rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200';

export const CARD_CLASSES = {
  main: 'flex min-h-dvh items-start justify-center px-4 py-8 sm:items-center sm:py-12',
  column: 'w-full max-w-md',
  brand: 'mb-6 flex items-center justify-center gap-3',
  logo: 'h-8 w-8 rounded',
  brandName: 'text-lg font-semibold tracking-tight',
  section: 'rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8 dark:border-slate-800 dark:bg-slate-900',
  title: 'mb-4 text-2xl font-semibold tracking-tight text-balance',
  mark: 'grid h-8 w-8 place-items-center rounded-lg bg-accent text-white',
  markIcon: 'h-5 w-5',
} as const;
