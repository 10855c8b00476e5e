import type { ErrorObject } from 'ajv';
import type { DocPath } from '../core/problem.js';
import { suggest } from '../core/suggest.js';

/** A schema error translated for people: where it is, and what to write instead. */
export interface SchemaErrorDescription {
  path: DocPath;
  key: boolean;
  code: string;
  message: string;
}

/** Messages for the `pattern` rules, by the schema definition or property they come from. */
const PATTERN_HINTS: [RegExp, (value: string) => string][] = [
  [/definitions\/duration/, (v) => `"${v}" is not a duration; write it like 30m, 8h, 1h30m, 2d or 1w`],
  [/definitions\/principal/, (v) => `"${v}" is neither a GitHub login nor a team written as @org/team`],
  [/properties\/repo\//, (v) => `"${v}" is not a repository; write it as owner/name`],
  [/properties\/url\//, (v) => `"${v}" is not an http(s) URL`],
  [/properties\/(secret_env|webhook_env)\//, (v) => `"${v}" is not an environment variable name`],
  [/properties\/team\//, (v) => `"${v}" is not a team slug`],
  // The value is not repeated: it holds the control characters.
  [
    /properties\/(reason|ticket)\//,
    () => 'the text must be one line: line breaks, tabs and other control characters are not allowed',
  ],
];

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function patternMessage(error: ErrorObject, name: string, parent: DocPath): string {
  const value = String(error.data);
  for (const [where, hint] of PATTERN_HINTS) {
    const message = where.test(`${error.schemaPath}/`) ? hint(value) : undefined;
    if (message) return message;
  }
  if (name === 'grantee' || /login/.test(error.schemaPath)) return `"${value}" is not a valid GitHub login`;
  if (name === 'resource' || /definitions\/name/.test(error.schemaPath) || parent[0] === 'resources') {
    return `"${value}" is not a valid resource name (lowercase letters, digits, ".", "_" and "-")`;
  }
  return `"${name}" ${error.message ?? 'is invalid'}`;
}

/** Translates one ajv error into a location and a message that says what to write instead. */
export function describeSchemaError(error: ErrorObject): SchemaErrorDescription {
  const parent = pointerToPath(error.instancePath);
  // Errors about a mapping's key name (propertyNames) point at that key.
  const isKey = error.propertyName !== undefined;
  const path = isKey ? [...parent, String(error.propertyName)] : parent;
  const last = path.length > 0 ? String(path[path.length - 1]) : '';
  const name = isKey ? `key "${last}"` : describePath(path);
  if (isKey) error = { ...error, data: error.propertyName };
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const hint = suggest(unknown, allowed);
      const message =
        `unknown key "${unknown}"` +
        (hint
          ? `; did you mean "${hint}"?`
          : allowed.length > 0
            ? `; allowed keys: ${allowed.join(', ')}`
            : '');
      return { path: [...path, unknown], key: true, code: 'schema-unknown-key', message };
    }
    case 'required':
      return {
        path,
        key: true,
        code: 'schema-missing-key',
        message: `missing required key "${String(params.missingProperty)}"${path.length > 0 ? ` in ${name}` : ''}`,
      };
    case 'type':
      return {
        path,
        key: false,
        code: 'schema-type',
        message: `${name} must be ${article(String(params.type))}, not ${typeOf(error.data)}`,
      };
    case 'enum':
    case 'const': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
      return {
        path,
        key: isKey,
        code: 'schema-enum',
        message: `${name} must be ${allowed.length > 1 ? 'one of ' : ''}${allowed.map((v) => JSON.stringify(v)).join(', ')}, not ${typeOf(error.data)}`,
      };
    }
    case 'pattern':
      return { path, key: isKey, code: 'schema-pattern', message: patternMessage(error, last, parent) };
    default:
      return {
        path,
        key: isKey,
        code: `schema-${error.keyword}`,
        message: `${name} ${error.message ?? 'is invalid'}`,
      };
  }
}

/** Names the value at a path the way a person reads the file: `"expires"`, `item 2 of "roles"`. */
function describePath(path: DocPath): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the file';
  if (typeof last === 'number') return `item ${last + 1} of ${describePath(path.slice(0, -1))}`;
  return `"${last}"`;
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
  };
  return names[type] ?? type;
}
