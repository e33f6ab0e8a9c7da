function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/**
 * Splits arguments into words the way Docker's parser does for ENV, LABEL and ARG (`parseWords`):
 * at unquoted whitespace, quotes kept in the word, the escape character keeping the next character
 * (so `a\ b` stays one word). A pair of empty quotes makes a word.
 */
export function dockerWords(text: string, escapeChar: string): string[] {
  if (!text.includes('"') && !text.includes("'") && !text.includes(escapeChar)) {
    // Nothing quoted or escaped (the usual case): plain whitespace splitting gives the same words.
    return text.split(/\s+/).filter(Boolean);
  }
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote = '';
  let blankOk = false;
  for (let pos = 0; pos < text.length; pos += 1) {
    const ch = text.charAt(pos);
    if (!inWord) {
      if (isSpace(text.charCodeAt(pos))) {
        continue;
      }
      inWord = true;
    }
    if (quote) {
      if (ch === quote) {
        quote = '';
      } else if (ch === escapeChar && quote !== "'" && pos + 1 < text.length) {
        word += ch;
        pos += 1;
      }
      word += text.charAt(pos);
      continue;
    }
    if (isSpace(text.charCodeAt(pos))) {
      if (blankOk || word.length > 0) {
        words.push(word);
      }
      word = '';
      blankOk = false;
      inWord = false;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      blankOk = true;
    }
    if (ch === escapeChar) {
      if (pos + 1 === text.length) {
        continue;
      }
      word += ch;
      pos += 1;
    }
    word += text.charAt(pos);
  }
  if (inWord && (blankOk || word.length > 0)) {
    words.push(word);
  }
  return words;
}
