/**
 * Seeded, repeatable mutations of Dockerfile text for the language-server fuzz test. Each mutator
 * targets something parsers get wrong: continuations, heredocs, escape directives, JSON forms,
 * huge lines, NUL bytes and text that was invalid UTF-8.
 */

/** A small fast PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (random: Random, max: number): number => Math.floor(random() * max);

const fragments = [
  '\\', '`', '\\\n', '`\n', '<<EOF', '<<-EOF\n', '<<"EOF"', 'EOF', '# escape=`\n', '# escape=\\\n', '# syntax=docker/dockerfile:1\n',
  '# check=skip=all;error=true\n', '["', '"]', '[\'a\', "b"]', '“sh”', '${', '${A:-', '}', '$', '--mount=type=cache,target=', '--from=',
  'FROM', 'AS', 'ONBUILD ONBUILD', 'HEALTHCHECK NONE', 'CMD', 'ENTRYPOINT', 'SHELL []', 'ARG', 'ENV a b c', '\t', '\r', '\r\n',
  '\u0000', '\ufffd', '\ud83d\udc33', '中文', '\u202e',
];

/** Mutators, each returning new text. `name` appears in failure messages so a crash can be replayed. */
export const mutators: readonly { name: string; apply: (text: string, random: Random) => string }[] = [
  {
    name: 'flip characters',
    apply: (text, random) => {
      const chars = [...text];
      for (let i = 0; i < 1 + int(random, 8) && chars.length > 0; i += 1) {
        chars[int(random, chars.length)] = String.fromCharCode(int(random, 0x3000));
      }
      return chars.join('');
    },
  },
  { name: 'truncate', apply: (text, random) => text.slice(0, int(random, text.length + 1)) },
  {
    name: 'splice lines',
    apply: (text, random) => {
      const lines = text.split('\n');
      const from = int(random, lines.length);
      const moved = lines.splice(from, 1 + int(random, 5));
      lines.splice(int(random, lines.length + 1), 0, ...moved, ...moved);
      return lines.join('\n');
    },
  },
  {
    name: 'insert fragments',
    apply: (text, random) => {
      let result = text;
      for (let i = 0; i < 1 + int(random, 6); i += 1) {
        const at = int(random, result.length + 1);
        result = result.slice(0, at) + pick(random, fragments) + result.slice(at);
      }
      return result;
    },
  },
  { name: 'prepend escape directive', apply: (text, random) => `# escape=${pick(random, ['`', '\\', 'x', ''])}\n${text}` },
  { name: 'unterminated heredoc', apply: (text) => `${text}\nRUN <<EOF\necho never closed\n` },
  { name: 'huge line', apply: (text, random) => `${text}\nRUN ${'x'.repeat(20_000 + int(random, 50_000))}\n` },
  { name: 'continuation storm', apply: (text, random) => text.replace(/\n/g, () => (random() < 0.3 ? ' \\\n' : '\n')) },
  { name: 'invalid UTF-8 decoded', apply: (text) => Buffer.concat([Buffer.from(text), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x00])]).toString('utf8') },
  { name: 'empty', apply: () => '' },
];

/** Applies 1–3 random mutators and names them. */
export function mutate(text: string, random: Random): { text: string; applied: string[] } {
  let result = text;
  const applied: string[] = [];
  for (let i = 0; i < 1 + int(random, 3); i += 1) {
    const mutator = pick(random, mutators);
    result = mutator.apply(result, random);
    applied.push(mutator.name);
  }
  return { text: result, applied };
}

/** A random position, sometimes deliberately out of range. */
export function randomPosition(text: string, random: Random): { line: number; character: number } {
  const lines = text.split('\n');
  if (random() < 0.05) {
    return { line: lines.length + int(random, 100), character: int(random, 1000) };
  }
  const line = int(random, Math.max(1, lines.length));
  return { line, character: int(random, (lines[line]?.length ?? 0) + 2) };
}
