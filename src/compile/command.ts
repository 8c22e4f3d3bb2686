/**
 * A script line as keepalived runs it: split into words, honouring '...' and "..." quoting and
 * backslash escapes, then executed directly (no shell). A config that wants a shell says so
 * (`"/bin/sh -c '...'"`).
 */
export function splitCommand(text: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else cur += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < text.length && (text[i + 1] === '"' || text[i + 1] === '\\')) cur += text[++i];
      else cur += c;
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\' && i + 1 < text.length) cur += text[++i];
    else cur += c;
  }
  if (inWord) words.push(cur);
  return words;
}
