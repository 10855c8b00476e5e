import { Composer, isMap, isSeq, LineCounter, Parser, parseDocument, visit, type Document } from 'yaml';
import type { Locate, Problem, SourceFile } from '../core/problem.js';
import { findForbiddenKeys } from './findForbiddenKeys.js';
import { findKeyCollisions } from './findKeyCollisions.js';
import { locateIn } from './locateIn.js';
import { offsetToPosition } from './offsetToPosition.js';
import { MAX_NESTING, scanCst } from './scanCst.js';

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

export type YamlResult = { ok: true; source: SourceFile<unknown> } | { ok: false; problems: Problem[] };

const YAML_CODES: Record<string, string> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  TAG_RESOLVE_FAILED: 'yaml-unknown-tag',
  BAD_ALIAS: 'yaml-bad-alias',
};

/**
 * Parses one YAML file into plain data that remembers where everything was written.
 * Rejects, with file:line:col, what YAML allows but a grants repo must not: files over the size
 * cap, several documents, directives (always YAML 1.2: merge keys off, and the YAML 1.1 tags
 * !!binary, !!timestamp, !!set, !!omap and !!pairs are unknown tags like any other), duplicate
 * keys (also keys that differ in YAML but not once read, like 1 and "1"), unknown tags, aliases
 * over the cap or naming no anchor, nesting deeper than the cap, keys that are collections or aliases,
 * prototype-polluting keys, and a top level that is not a mapping.
 *
 * `positions` says when `locate` learns where things are. `'lazy'` (the default) keeps only the
 * text and parses it again on the first lookup, which is rare (problems only): the happy path stays
 * close to the cost of a plain `YAML.parse` and no syntax tree is held per file, which matters for
 * 10,000 grants. `'eager'` keeps the syntax tree of this parse (line starts counted while lexing,
 * at no measurable cost), for a file whose positions are always looked up: access.yml, which
 * the guardrail engine locates for every rule it reports.
 */
export function loadYaml(params: {
  file: string;
  text: string;
  limits?: Partial<YamlLimits>;
  positions?: 'lazy' | 'eager';
}): YamlResult {
  const { file, text } = params;
  const limits = { ...DEFAULT_YAML_LIMITS, ...params.limits };
  const problem = (offset: number, code: string, message: string): Problem => ({
    file,
    ...offsetToPosition(text, offset),
    code,
    message,
    severity: 'error',
  });
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes) {
    return {
      ok: false,
      problems: [
        problem(0, 'file-too-large', `file is ${bytes} bytes, over the limit of ${limits.maxBytes} bytes`),
      ],
    };
  }
  const lineCounter = params.positions === 'eager' ? new LineCounter() : undefined;
  const tokens = Array.from(new Parser(lineCounter?.addNewLine).parse(text));
  const violation = scanCst(tokens, limits);
  if (violation)
    return { ok: false, problems: [problem(violation.offset, violation.code, violation.message)] };
  const docs = Array.from(
    new Composer({ uniqueKeys: true, version: '1.2', merge: false, resolveKnownTags: false }).compose(
      tokens,
      true,
      text.length,
    ),
  );
  if (docs.length > 1) {
    const message = 'a file holds one YAML document; remove the `---` separator';
    return { ok: false, problems: [problem(docs[1]!.range[0], 'yaml-multiple-documents', message)] };
  }
  const doc = docs[0]!;
  const problems = [...doc.errors, ...doc.warnings].map((error) =>
    problem(
      error.pos[0],
      YAML_CODES[error.code] ?? 'yaml-syntax',
      explainYamlError(error.code, error.message),
    ),
  );
  if (problems.length > 0) return { ok: false, problems };
  const collisions = findKeyCollisions(doc.contents).map((offset) =>
    problem(
      offset,
      'yaml-duplicate-key',
      'duplicate key: this key reads the same as an earlier key of this mapping (as 1 and "1", or ~ and "" do); each key may appear once',
    ),
  );
  if (collisions.length > 0) return { ok: false, problems: collisions };
  if (!isMap(doc.contents)) {
    const kind = isSeq(doc.contents) ? 'a list' : doc.contents === null ? 'nothing' : 'a single value';
    const message = `expected a mapping of keys to values, found ${kind}`;
    return { ok: false, problems: [problem(doc.contents?.range?.[0] ?? 0, 'yaml-not-mapping', message)] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return {
      ok: false,
      problems: [
        aliasProblem(doc, problem) ??
          problem(0, 'yaml-invalid', `cannot read the file: ${(error as Error).message}`),
      ],
    };
  }
  const locate = lineCounter ? locateIn(doc, lineCounter) : lazyLocate(text);
  const forbidden = findForbiddenKeys(data).map((path) => {
    const key = String(path[path.length - 1]);
    return {
      file,
      ...locate(path, { key: true }),
      code: 'yaml-forbidden-key',
      message: `key "${key}" is not allowed`,
      severity: 'error' as const,
    };
  });
  if (forbidden.length > 0) return { ok: false, problems: forbidden };
  return { ok: true, source: { file, data, locate } };
}

/** The first alias that names no anchor (the only way a composed document fails to convert). */
function aliasProblem(
  doc: Document,
  problem: (offset: number, code: string, message: string) => Problem,
): Problem | undefined {
  let found: Problem | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc)) return undefined;
      found = problem(
        node.range?.[0] ?? 0,
        'yaml-bad-alias',
        `alias *${node.source} refers to no anchor defined before it`,
      );
      return visit.BREAK;
    },
  });
  return found;
}

function explainYamlError(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  if (code === 'DUPLICATE_KEY') return 'duplicate key: each key may appear once in a mapping';
  if (code === 'TAG_RESOLVE_FAILED') return `${first}; YAML tags are not allowed in grants-repo files`;
  if (code === 'BAD_ALIAS') return `${first}: an alias must name an anchor defined before it`;
  return first;
}

/**
 * Positions are needed only when something is wrong, which is rare: keep the text and parse it
 * again on the first lookup instead of holding every file's syntax tree (a third of the memory
 * of validating 10,000 grants).
 */
function lazyLocate(text: string): Locate {
  let locate: Locate | undefined;
  return (path, options) => {
    if (!locate) {
      const lineCounter = new LineCounter();
      const doc: Document = parseDocument(text, {
        lineCounter,
        uniqueKeys: true,
        version: '1.2',
        merge: false,
        resolveKnownTags: false,
      });
      locate = locateIn(doc, lineCounter);
    }
    return locate(path, options);
  };
}
