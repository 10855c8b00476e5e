/**
 * Thrown inside the command tokenizer when it cannot make sense of a command (an unbalanced quote,
 * a heredoc, a shell with no command string...). `commandParts` turns it into data, and the
 * guardrails fail closed on it: a pipeline can always be written plainly.
 */
export class CommandSyntaxError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CommandSyntaxError';
  }
}
