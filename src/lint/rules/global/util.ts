/** Readers shared by the global rules: global_defs as keepalived reads it (every block, in order). */
import { isEffective, type StatementNode } from '../../../syntax/ast.js';
import type { Obj, RuleContext } from '../../context.js';

/** The top-level statements keepalived acts on, in file order. */
export function topStatements(ctx: RuleContext): StatementNode[] {
  return ctx.ast.filter(isEffective);
}

/**
 * The statements of every `global_defs` block, in file order. keepalived reads all the blocks
 * one after the other, as if they were one.
 */
export function globalStatements(ctx: RuleContext): StatementNode[] {
  const out: StatementNode[] = [];
  for (const n of topStatements(ctx)) if (n.keyword === 'global_defs' && n.type === 'block') out.push(...n.body.filter(isEffective));
  return out;
}

/** The first statement of a global keyword (over all global_defs blocks). */
export function globalStatement(ctx: RuleContext, keyword: string): StatementNode | undefined {
  return globalStatements(ctx).find((n) => n.keyword === keyword);
}

/** Whether the configuration has at least one vrrp_instance / virtual_server (the VRRP / checker process then checks its part). */
export function hasInstances(ctx: RuleContext): boolean {
  return ctx.instances().length > 0;
}

export function hasVirtualServers(ctx: RuleContext): boolean {
  return Array.isArray(ctx.document.virtual_server) && (ctx.document.virtual_server as unknown[]).length > 0;
}

/** The script command of a script value (`{script: ...}`), if it is one keepalived runs. */
export function scriptOf(v: unknown): string | undefined {
  const s = (v as Obj | undefined)?.script;
  if (typeof s !== 'string' || s.trim() === '' || /^<\s*\//.test(s)) return undefined;
  return s;
}

/** Whether a global_defs flag is on (written without an argument, or with a true word). */
export function flagOn(ctx: RuleContext, keyword: string): boolean {
  const v = ctx.globalDefs[keyword];
  return v === true;
}
