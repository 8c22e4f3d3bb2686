/**
 * What a checker does with one result, as keepalived's checkers do it: when it reports up or
 * down, and how long until the next attempt. One function per family, each keeping keepalived's
 * own rules (and quirks):
 *
 * - TCP_CHECK (check_tcp.c tcp_epilog): a failure is retried `retry` times, `delay_before_retry`
 *   apart, before the checker reports down; successes and the final failure wait `delay_loop`.
 * - HTTP_GET / SSL_GET (check_http.c epilog): the urls are checked one per attempt,
 *   `delay_loop` apart; a failing url is retried `retry` times, then the checker reports down and
 *   keeps trying that url every max(delay_before_retry, delay_loop); once it answers, every url
 *   is checked again from the first before the checker reports up. fast_recovery checks at once
 *   while the server is down and no url has failed.
 * - MISC_CHECK (check_misc.c): exit status 0 is success; with misc_dynamic 2..255 is success
 *   with weight status - 2; the next run is `delay_loop` (or, while retrying,
 *   `delay_before_retry`) after the previous one started.
 *
 * The first attempt counts double: keepalived starts every checker with its retries used up,
 * so a server that fails its first check goes down at once.
 */
import type { CheckerState } from '../ipvs/pool.js';

export interface Timing {
  retry: number;
  delayLoopMs: number;
  delayBeforeRetryMs: number;
}

export interface Hooks {
  /** the verdict goes to the pool (update_svr_checker_state), which updates isUp/hasRun */
  report(alive: boolean): void;
}

// ----- TCP_CHECK ------------------------------------------------------------------------------

export interface TcpRun {
  retryIt: number;
}

/** tcp_epilog: returns the delay before the next attempt */
export function tcpResult(run: TcpRun, c: CheckerState, t: Timing, success: boolean, hooks: Hooks): number {
  let delay: number;
  if (success || run.retryIt >= t.retry) {
    delay = t.delayLoopMs;
    run.retryIt = 0;
    if (success && (!c.isUp || !c.hasRun)) hooks.report(true);
    else if (!success && (c.isUp || !c.hasRun)) hooks.report(false);
  } else {
    delay = t.delayBeforeRetryMs;
    run.retryIt++;
  }
  c.hasRun = true;
  return delay;
}

// ----- HTTP_GET / SSL_GET ----------------------------------------------------------------------

export interface HttpRun {
  /** the url the next attempt checks (index) */
  url: number;
  retryIt: number;
  /** the url that made the checker fail, while it keeps failing */
  failedUrl: number | null;
}

type Method = 'new' | 'retry' | 'failed';

/** http epilog(): the url iterator, the verdict and the delay */
function epilog(run: HttpRun, c: CheckerState, t: Timing & { urls: number; fastRecovery: boolean }, method: Method, hooks: Hooks): number {
  let next: number | null = run.url;
  if (method === 'new') {
    next = run.url + 1 < t.urls ? run.url + 1 : null;
    run.retryIt = 0;
  } else if (method === 'retry') run.retryIt++;

  if (method === 'new' && next === null && run.failedUrl === null) {
    // every url answered
    if (!c.isUp || !c.hasRun) {
      hooks.report(true);
      c.hasRun = true;
    }
    next = 0;
    run.retryIt = 0;
  } else if (method === 'retry' && run.retryIt > t.retry) {
    if (c.isUp || !c.hasRun) hooks.report(false);
    run.failedUrl = run.url;
  } else if (method === 'new' && run.failedUrl !== null) {
    // the failed url answers again: check them all, from the first
    run.failedUrl = null;
    next = 0;
    run.retryIt = 0;
  }
  run.url = next ?? 0;

  let delay: number;
  if (method === 'new') {
    delay = t.delayLoopMs;
    if (!c.hasRun) run.retryIt = t.retry;
  } else if (run.failedUrl !== null) delay = Math.max(t.delayBeforeRetryMs, t.delayLoopMs);
  else delay = t.delayBeforeRetryMs;

  if (t.fastRecovery && (!c.hasRun || (!c.isUp && run.failedUrl === null))) return 0;
  return delay;
}

/** One url's outcome (http_handle_response / timeout_epilog): returns the delay before the next attempt */
export function httpResult(run: HttpRun, c: CheckerState, t: Timing & { urls: number; fastRecovery: boolean }, success: boolean, hooks: Hooks): number {
  if (success) return epilog(run, c, t, 'new', hooks);
  if (c.isUp || !c.hasRun) {
    c.hasRun = true;
    return epilog(run, c, t, 'retry', hooks);
  }
  // already known as dead: no retries
  return epilog(run, c, t, 'failed', hooks);
}

// ----- MISC_CHECK ------------------------------------------------------------------------------

export interface MiscRun {
  retryIt: number;
  /** keepalived starts it at 0 */
  lastExitCode: number;
}

export type MiscOutcome = { exited: true; status: number } | { exited: false; timedOut: boolean; signal: string | null };

export interface MiscHooks extends Hooks {
  /** the server's weight before this checker's dynamic part, and a new effective weight */
  effectiveWeight(): number;
  initialWeight(): number;
  setWeight(weight: number): void;
  /** set the weight without telling IPVS (keepalived does this on a failure) */
  adjustWeight(weight: number): void;
}

/** misc_check_child_thread: returns the delay from the run's start to the next one */
export function miscResult(run: MiscRun, c: CheckerState, t: Timing & { dynamic: boolean }, out: MiscOutcome, hooks: MiscHooks): number {
  let verdict: boolean | null = null;
  if (out.exited) {
    const status = out.status;
    if (status === 0 || (t.dynamic && status >= 2 && status <= 255)) {
      if (status !== run.lastExitCode) {
        let w = hooks.effectiveWeight() - c.curWeight;
        c.curWeight = status ? status - 2 - hooks.initialWeight() : 0;
        w += c.curWeight;
        hooks.setWeight(w);
        run.lastExitCode = status;
      }
      if (!c.isUp || !c.hasRun) verdict = true;
      run.retryIt = 0;
    } else if (c.isUp || !c.hasRun) {
      if (run.retryIt < t.retry) run.retryIt++;
      else {
        run.retryIt = 0;
        hooks.adjustWeight(hooks.effectiveWeight() - c.curWeight);
        c.curWeight = 0;
        run.lastExitCode = status;
        verdict = false;
      }
    } else run.lastExitCode = status;
  } else if (c.isUp || !c.hasRun) {
    // killed at its timeout, or by a signal: a failure
    if (run.retryIt < t.retry) run.retryIt++;
    else {
      run.retryIt = 0;
      verdict = false;
    }
  }
  if (verdict !== null) {
    hooks.report(verdict);
    if (!verdict) c.curWeight = 0;
  }
  c.hasRun = true;
  return run.retryIt ? t.delayBeforeRetryMs : t.delayLoopMs;
}
