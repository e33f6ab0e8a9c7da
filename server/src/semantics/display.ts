/** Renders an argv the way a reader would type it in a POSIX shell (quoting only where needed). */
export function formatArgv(argv: readonly string[]): string {
  return argv.map(quoteWord).join(' ');
}

function quoteWord(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) {
    return word;
  }
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Renders an argv as the JSON array an exec-form instruction would hold. */
export function formatExecForm(argv: readonly string[]): string {
  return `[${argv.map((word) => JSON.stringify(word)).join(', ')}]`;
}
