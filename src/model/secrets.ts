/** Keywords whose values are secrets: never printed in messages, logs, status or SARIF. */
const SECRET_KEYWORDS = new Set(['auth_pass', 'password']);

export function isSecret(keyword: string): boolean {
  return SECRET_KEYWORDS.has(keyword);
}

/** A value as it may appear in a message: quoted, or masked when it is a secret. */
export function shown(keyword: string, value: unknown): string {
  if (isSecret(keyword)) return typeof value === 'string' ? `(${value.length} characters, not shown)` : '(not shown)';
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}
