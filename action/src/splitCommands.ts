/**
 * Splits the `commands` input into one command per line. A line ending in a backslash continues on
 * the next, as in a shell, so `terraform \` + `destroy` is checked as `terraform destroy`. Blank
 * lines are dropped; the engine normalises whitespace and splits chained commands itself.
 */
export function splitCommands(text: string): string[] {
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
