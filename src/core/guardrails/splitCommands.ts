import { CommandSyntaxError } from './commandSyntaxError.js';
import type { RedirectToken, Token, WordToken } from './lexCommand.js';

/** One simple command: its words and redirections in order, reserved words and case patterns removed. */
export type SimpleTokens = (WordToken | RedirectToken)[];

/** Reserved words that only open or close a compound command; the command after them runs. */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'while', 'until', 'do', 'done', '{', '}', '!']);
export const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

/**
 * Where the splitter is: at commands, skipping a `for` header to the next operator, after `case`
 * (its word, then `in`), in a case pattern (up to its `)`), or after `function` (its name).
 */
type Mode = 'command' | 'header' | 'caseWord' | 'caseIn' | 'pattern' | 'name';

interface Splitter {
  mode: Mode;
  cases: number;
  parens: number;
  current: SimpleTokens;
  commands: SimpleTokens[];
}

function flush(s: Splitter): void {
  if (s.current.some((t) => t.kind === 'word')) s.commands.push(s.current);
  s.current = [];
}

function onOperator(s: Splitter, op: string): void {
  flush(s);
  if (s.mode === 'pattern') {
    // `(a | b)` in a case pattern: a leading `(` and the `|` between alternatives belong to it.
    if (op === ')') s.mode = 'command';
    return;
  }
  if (op === ';;' || op === ';&' || op === ';;&') {
    if (s.cases === 0) throw new CommandSyntaxError(`\`${op}\` outside a case statement`);
    s.mode = 'pattern';
    return;
  }
  if (op === '(') s.parens++;
  if (op === ')' && --s.parens < 0) throw new CommandSyntaxError('a `)` closes nothing');
  if (s.mode === 'header' || s.mode === 'name') s.mode = 'command';
}

/** True when the word was consumed as syntax (a reserved word in command position, a case pattern). */
function onSyntaxWord(s: Splitter, word: WordToken): boolean {
  const keyword = word.raw === word.text && !s.current.some((t) => t.kind === 'word') ? word.text : '';
  switch (s.mode) {
    case 'header':
      return true;
    case 'name':
      s.mode = 'command';
      return true;
    case 'caseWord':
      s.mode = 'caseIn';
      return true;
    case 'caseIn':
      if (word.text === 'in') s.mode = 'pattern';
      return true;
    case 'pattern':
      if (word.raw === 'esac') {
        s.cases--;
        s.mode = 'command';
      }
      return true;
  }
  if (keyword === 'case') {
    s.cases++;
    s.mode = 'caseWord';
  } else if (keyword === 'for' || keyword === 'select') s.mode = 'header';
  else if (keyword === 'function') s.mode = 'name';
  else if (keyword === 'esac' && s.cases > 0) s.cases--;
  else return KEYWORDS.has(keyword);
  return true;
}

/**
 * Splits tokens into simple commands at control operators and reserved words in command position
 * (`{ terraform destroy; }`, `if true; then terraform destroy; fi`, `! terraform destroy`). `for`
 * headers and case patterns are data, not commands. Unbalanced parentheses and unfinished case
 * statements throw `CommandSyntaxError`: a shell would refuse them too.
 */
export function splitCommands(tokens: readonly Token[]): SimpleTokens[] {
  const s: Splitter = { mode: 'command', cases: 0, parens: 0, current: [], commands: [] };
  for (const token of tokens) {
    if (token.kind === 'op') onOperator(s, token.op);
    else if (token.kind === 'redirect') s.current.push(token);
    else if (!onSyntaxWord(s, token)) s.current.push(token);
  }
  flush(s);
  if (s.parens > 0) throw new CommandSyntaxError('a `(` is never closed');
  if (s.cases > 0) throw new CommandSyntaxError('a `case` is never closed with `esac`');
  return s.commands;
}
