import * as core from '@actions/core';
import type { AnnotationTarget } from './annotationsOf.js';
import type { InputName, OutputName } from './registry.js';

/**
 * Everything the Action says to the runner, as one narrow interface: @actions/core in production,
 * a recording fake in tests.
 */
export interface ActionIO {
  getInput(name: InputName): string;
  setOutput(name: OutputName, value: string): void;
  setFailed(message: string): void;
  info(message: string): void;
  warning(message: string, properties?: AnnotationTarget & { title?: string }): void;
  error(message: string, properties?: AnnotationTarget & { title?: string }): void;
  setSecret(secret: string): void;
  /** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY). */
  writeSummary(markdown: string): Promise<void>;
}

/** The runner's side of {@link ActionIO}, through @actions/core. */
export function coreIO(): ActionIO {
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (message) => core.setFailed(message),
    info: (message) => core.info(message),
    warning: (message, properties) => core.warning(message, properties),
    error: (message, properties) => core.error(message, properties),
    setSecret: (secret) => core.setSecret(secret),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write();
    },
  };
}
