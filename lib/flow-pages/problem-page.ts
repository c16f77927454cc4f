// When a flow cannot go on: a page saying what happened and what to do, or, for a challenge Hydra
// already handled, the browser sent on to where Hydra says it goes next.
import { problemCard, refusalCard } from '../../components/flow-pages/problem-card';
import type { Failure, Problem } from '../hydra/problem';
import { pageView, type FlowContext, type FlowRequest } from './context';
import { sendPage, sendRedirect } from './respond';

const PROBLEM_STATUS: Record<Problem, number> = {
  missing: 400,
  invalid: 400,
  expired: 400,
  // Hydra unreachable or failing (or an exception inside the app): "try again" with a link, and a 503 so
  // monitoring and proxies see the outage.
  unavailable: 503,
};

type ProblemOptions = { uiLocales?: readonly string[]; retryHref?: string; status?: number };

export function sendProblem(r: FlowRequest, problem: Problem, options: ProblemOptions = {}): void {
  sendPage(r.res, options.status ?? PROBLEM_STATUS[problem], problemCard(pageView(r, options.uiLocales), problem, options.retryHref));
}

/** Only ever a URL Hydra returned (redirect_to), or restartWithLogin's checked one. */
export function redirectTo(ctx: FlowContext, url: string): void {
  sendRedirect(ctx.res, ctx.method === 'POST' ? 303 : 302, url);
}

export function sendFailure(ctx: FlowContext, failure: Failure, options: ProblemOptions = {}): void {
  if (failure.redirectTo) redirectTo(ctx, failure.redirectTo);
  else sendProblem(ctx, failure.problem, options);
}

const REFUSALS = {
  403: ['originTitle', 'originBody'],
  405: ['methodTitle', 'methodBody'],
  413: ['tooLargeTitle', 'tooLargeBody'],
  415: ['formatTitle', 'formatBody'],
} as const;

/** A request refused before any page looked at it. */
export function sendRefusal(r: FlowRequest, status: keyof typeof REFUSALS, headers: Record<string, string> = {}): void {
  const view = pageView(r);
  const [title, body] = REFUSALS[status];
  sendPage(r.res, status, refusalCard(view, view.m.refused[title], view.m.refused[body]), headers);
}
