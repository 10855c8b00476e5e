/**
 * Makes user-supplied text (file names, reasons, tickets, messages that quote a file) safe to put
 * inside Markdown on GitHub: in a table cell, a list item or a paragraph, it renders as the same
 * characters on one line and can start no HTML, comment, link, code span, emphasis, math, table
 * cell or block. Control characters (CR and LF included: CommonMark ends a line at a lone CR) become
 * spaces; `\`, backticks, `*`, `_`, `~`, `[`, `]`, `<`, `>`, `|`, `&` and `$` get a backslash
 * (CommonMark renders any backslash-escaped ASCII punctuation as itself, and GFM tables take `\|`
 * as a pipe inside a cell); a leading `#`, `+`, `-`, `=` or `1.`/`1)` is escaped too, so text that
 * ends up at the start of a line cannot open a heading, list or setext underline.
 * Do not put the result inside a code span, where backslashes are literal.
 * https://spec.commonmark.org/0.31.2/#backslash-escapes
 */
export function escapeMarkdownText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ')
      .replace(/[\\`*_~[\]<>|&$]/g, '\\$&')
      .replace(/^(\s*)([#+=-])/, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/, '$1\\$2')
  );
}
