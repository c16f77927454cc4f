// The buttons' look, shared by the React button (account area, console) and the flow pages' HTML one.

const BASE = 'inline-flex min-h-11 items-center justify-center rounded-lg px-4 py-2.5 text-base font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60';

export const BUTTON_CLASSES = {
  primary: `${BASE} w-full bg-accent text-white shadow-sm hover:brightness-110`,
  secondary: `${BASE} w-full border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700`,
  link: 'rounded text-sm font-medium text-slate-700 underline underline-offset-4 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white',
} as const;

export type ButtonVariant = keyof typeof BUTTON_CLASSES;
