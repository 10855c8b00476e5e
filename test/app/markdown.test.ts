import { describe, expect, it } from 'vitest';
import { escapeMarkdownText } from '../../src/app/markdown.js';

describe('escapeMarkdownText', () => {
  it.each([
    [
      'plain text is unchanged',
      'INC-2041: replication lag on the primary',
      'INC-2041: replication lag on the primary',
    ],
    [
      'a grant path is unchanged',
      'grants/prod-db/alice-20261128t0900.yml',
      'grants/prod-db/alice-20261128t0900.yml',
    ],
    ['a lone CR, LF and CRLF become spaces', 'a\rb\nc\r\nd', 'a b c  d'],
    ['tabs, NUL, DEL and line separators become spaces', 'a\tb\u0000c\u007fd\u2028e', 'a b c d e'],
    ['an HTML comment cannot open', 'x\r\r<!--', 'x  \\<!--'],
    ['HTML tags cannot open', '<img src=x onerror=y>', '\\<img src=x onerror=y\\>'],
    ['a table cell cannot end', 'a | b', 'a \\| b'],
    ['a backslash cannot escape the escape', 'a\\|b', 'a\\\\\\|b'],
    ['code spans cannot open', '`code`', '\\`code\\`'],
    ['links and images cannot open', '![x](https://evil.example)', '!\\[x\\](https://evil.example)'],
    ['emphasis, strike-through and math cannot open', '*a* _b_ ~c~ $d$', '\\*a\\* \\_b\\_ \\~c\\~ \\$d\\$'],
    ['entities stay literal', '&lt;', '\\&lt;'],
    ['a leading heading mark is escaped', '# title', '\\# title'],
    ['a leading list mark is escaped', '- item', '\\- item'],
    ['a leading ordered-list mark is escaped', '12. item', '12\\. item'],
    ['a leading setext underline is escaped', '===', '\\==='],
    ['a leading quote is escaped', '> quote', '\\> quote'],
    ['a mark after a line break is not at a line start any more', 'a\n- b', 'a - b'],
    ['empty stays empty', '', ''],
  ])('%s', (_what, text, escaped) => {
    expect(escapeMarkdownText(text)).toBe(escaped);
  });

  it('leaves one line with no unescaped Markdown punctuation, for any input', () => {
    const nasty = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('') + '\u2028\u2029';
    const out = escapeMarkdownText(nasty);
    expect(out).not.toMatch(/[\r\n\u2028\u2029]/);
    // Every special character is preceded by an odd number of backslashes.
    expect(out.replace(/\\[\\`*_~[\]<>|&$#+=.-]/g, '')).not.toMatch(/[\\`*_~[\]<>|&$]/);
  });
});
