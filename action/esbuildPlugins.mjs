// esbuild plugins of the Action bundle (see build.mjs). Both cut cold-start work that the Action
// never needs at runtime; test/action/esbuildPlugins.test.ts checks that they change nothing else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

// src/config/schemaValidator.ts compiles both schemas with ajv at startup, which costs most of a
// cold start (about 250 ms of 400 ms on a 2-core machine). The bundle gets the same validators
// compiled at build time instead, as ajv's standalone code, behind a stand-in `Ajv` whose
// `compile` returns them. The options must be those of schemaValidator.ts; the build stops if not.
const AJV_OPTIONS = { allErrors: true, strict: true, verbose: true };
const AJV_CALL = 'new Ajv({ allErrors: true, strict: true, verbose: true })';
const SCHEMAS = { grant: 'schemas/grant.schema.json', policy: 'schemas/policy.schema.json' };

function precompiledAjv(root) {
  const source = readFileSync(join(root, 'src/config/schemaValidator.ts'), 'utf8');
  if (!source.includes(AJV_CALL))
    throw new Error(
      `action/esbuildPlugins.mjs: src/config/schemaValidator.ts no longer calls ${AJV_CALL}; update AJV_OPTIONS and AJV_CALL to match`,
    );
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  const ids = {};
  for (const [name, path] of Object.entries(SCHEMAS)) {
    const schema = JSON.parse(readFileSync(join(root, path), 'utf8'));
    if (typeof schema.$id !== 'string') throw new Error(`action/esbuildPlugins.mjs: ${path} has no $id`);
    ajv.addSchema(schema, name);
    ids[name] = schema.$id;
  }
  const byId = Object.entries(ids)
    .map(([name, id]) => `[${JSON.stringify(id)}, ${name}]`)
    .join(', ');
  return `${standaloneCode(ajv, { grant: 'grant', policy: 'policy' })}
const precompiled = new Map([${byId}]);
/** Stand-in for ajv's Ajv in the Action bundle: returns the validators compiled at build time. */
export class Ajv {
  compile(schema) {
    const validate = precompiled.get(schema.$id);
    if (!validate) throw new Error('grantops action bundle: no precompiled validator for schema ' + schema.$id);
    return validate;
  }
}
`;
}

/** Swaps ajv for validators compiled at build time, only where schemaValidator.ts imports it. */
export function precompiledSchemas(root) {
  return {
    name: 'precompiled-schemas',
    setup(build) {
      build.onResolve({ filter: /^ajv$/ }, (args) =>
        args.importer.endsWith(join('src', 'config', 'schemaValidator.ts'))
          ? { path: 'precompiled-ajv', namespace: 'grantops' }
          : undefined,
      );
      build.onLoad({ filter: /^precompiled-ajv$/, namespace: 'grantops' }, () => ({
        contents: precompiledAjv(root),
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}

// @actions/core imports @actions/http-client (and with it undici, ~500 KB) only for getIDToken,
// which the Action never calls; evaluating undici costs ~100 ms of every start. A stub that
// throws if it is ever used takes its place.
/** Replaces @actions/http-client with a stub that throws when used. */
export const noHttpClient = {
  name: 'no-http-client',
  setup(build) {
    build.onResolve({ filter: /^@actions\/http-client(\/.*)?$/ }, () => ({
      path: 'http-client',
      namespace: 'stub',
    }));
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: `const unused = () => { throw new Error('grantops action bundle: @actions/http-client is not bundled (OIDC tokens are not used)'); };
export class HttpClient { constructor() { unused(); } }
export class BearerCredentialHandler { constructor() { unused(); } }`,
      loader: 'js',
    }));
  },
};
