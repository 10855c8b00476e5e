import {
  Composer,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  visit,
  type Document,
  type Node,
} from 'yaml';
import type { Problem, SourceFile } from '../core/problem.js';
import { findTooDeep, MAX_NESTING } from './cstDepth.js';
import { locateIn } from './locateIn.js';

/** Limits that keep a hostile file from exhausting the App. */
export interface YamlLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Most aliases (`*name`) a file may use; expansions are capped by the parser as well. */
  maxAliases: number;
  /** Deepest nesting of mappings and sequences. */
  maxNesting: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = {
  maxBytes: 64 * 1024,
  maxAliases: 10,
  maxNesting: MAX_NESTING,
};

/** Keys that would reach an object's prototype when data is copied around. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type YamlResult = { ok: true; source: SourceFile<unknown> } | { ok: false; problems: Problem[] };

/**
 * Parses one YAML file into plain data that remembers where everything was written.
 * Rejects, with file:line:col, what YAML allows but a grants repo must not: files over the size
 * cap, several documents, duplicate keys, unknown tags, more aliases than the cap, nesting deeper
 * than the cap, prototype-polluting keys, non-string keys, and a top level that is not a mapping.
 */
export function loadYaml(params: { file: string; text: string; limits?: Partial<YamlLimits> }): YamlResult {
  const { file, text } = params;
  const limits = { ...DEFAULT_YAML_LIMITS, ...params.limits };
  const fail = (line: number, col: number, code: string, message: string): YamlResult => ({
    ok: false,
    problems: [{ file, line, col, code, message, severity: 'error' }],
  });
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes) {
    return fail(1, 1, 'file-too-large', `file is ${bytes} bytes, over the limit of ${limits.maxBytes} bytes`);
  }
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const pos = (offset: number) => lineCounter.linePos(offset);
  const deep = findTooDeep(tokens, limits.maxNesting);
  if (deep !== undefined) {
    const { line, col } = pos(deep);
    return fail(line, col, 'yaml-too-deep', `nesting deeper than ${limits.maxNesting} levels`);
  }
  const docs = Array.from(
    new Composer({ uniqueKeys: true, version: '1.2' }).compose(tokens, true, text.length),
  );
  if (docs.length > 1 && docs[1]) {
    const { line, col } = pos(docs[1].range[0]);
    return fail(
      line,
      col,
      'yaml-multiple-documents',
      'a file holds one YAML document; remove the `---` separator',
    );
  }
  const doc = docs[0];
  if (!doc) return fail(1, 1, 'yaml-empty', 'file is empty; expected a mapping of keys to values');
  const problems = [...syntaxProblems(file, doc, pos), ...structureProblems(file, doc, pos, limits)];
  if (problems.length > 0) return { ok: false, problems };
  try {
    const data: unknown = doc.toJS({ maxAliasCount: 100 });
    return { ok: true, source: { file, data, locate: locateIn(doc, lineCounter) } };
  } catch (error) {
    return fail(1, 1, 'yaml-invalid', `cannot read the file: ${(error as Error).message}`);
  }
}

type Pos = (offset: number) => { line: number; col: number };

const YAML_CODES: Record<string, string> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  TAG_RESOLVE_FAILED: 'yaml-unknown-tag',
  BAD_ALIAS: 'yaml-bad-alias',
};

function syntaxProblems(file: string, doc: Document, pos: Pos): Problem[] {
  return [...doc.errors, ...doc.warnings].map((error) => {
    const { line, col } = pos(error.pos[0]);
    const message = error.message.split('\n')[0] ?? error.message;
    const code = YAML_CODES[error.code] ?? 'yaml-syntax';
    return { file, line, col, code, message: explainYamlError(error.code, message), severity: 'error' };
  });
}

function explainYamlError(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'duplicate key: each key may appear once in a mapping';
  if (code === 'TAG_RESOLVE_FAILED') return `${message}; YAML tags are not allowed in grants-repo files`;
  return message;
}

function structureProblems(file: string, doc: Document, pos: Pos, limits: YamlLimits): Problem[] {
  const problems: Problem[] = [];
  const add = (node: { range?: [number, number, number] | null }, code: string, message: string) => {
    const { line, col } = pos(node.range?.[0] ?? 0);
    problems.push({ file, line, col, code, message, severity: 'error' });
  };
  if (!isMap(doc.contents)) {
    const kind = isSeq(doc.contents) ? 'a list' : doc.contents === null ? 'nothing' : 'a single value';
    add(
      doc.contents ?? { range: [0, 0, 0] },
      'yaml-not-mapping',
      `expected a mapping of keys to values, found ${kind}`,
    );
    return problems;
  }
  let aliases = 0;
  visit(doc, {
    Alias(_key, node) {
      if (!node.resolve(doc)) add(node, 'yaml-bad-alias', `alias *${node.source} refers to no anchor`);
      if (++aliases === limits.maxAliases + 1) {
        add(
          node,
          'yaml-too-many-aliases',
          `more than ${limits.maxAliases} aliases; write the values out instead`,
        );
      }
    },
    Pair(_key, pair) {
      const key = pair.key as Node | null;
      if (isScalar(key) && typeof key.value === 'string') {
        if (FORBIDDEN_KEYS.has(key.value))
          add(key, 'yaml-forbidden-key', `key "${key.value}" is not allowed`);
      } else if (key !== null && !isAlias(key)) {
        add(key, 'yaml-non-string-key', 'keys must be plain strings; write the key as text');
      }
    },
  });
  return problems;
}
