// esbuild plugins of the Action bundle (see build.mjs). Each cuts cold-start work that the Action
// never needs at runtime; test/action/esbuildPlugins.test.ts checks that they change nothing else.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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

// yaml ships two builds of the same source: CommonJS for Node (its "node" export) and ES modules
// (its "default" export, used by bundlers). Bundled, the CommonJS build evaluates each of its 74
// module wrappers at startup and cannot be tree-shaken; the ES module build can, and a cold start
// runs about 4% fewer instructions with it. The two builds differ in two modules only, which are
// patched back to the Node behaviour here (the build stops if their text changes): `!!binary`
// decodes with Buffer (lenient) rather than atob (which rejects stray characters), and warnings go
// to process.emitWarning rather than console.warn.
const YAML_ESM_PATCHES = {
  'schema/yaml-1.1/binary.js': [
    [
      "        if (typeof atob === 'function') {",
      "        if (typeof Buffer === 'function') {\n            return Buffer.from(src, 'base64');\n        }\n        else if (typeof atob === 'function') {",
    ],
    [
      "        if (typeof btoa === 'function') {",
      "        if (typeof Buffer === 'function') {\n            str =\n                buf instanceof Buffer\n                    ? buf.toString('base64')\n                    : Buffer.from(buf.buffer).toString('base64');\n        }\n        else if (typeof btoa === 'function') {",
    ],
  ],
  'log.js': [
    [
      '        console.warn(warning);',
      "        if (typeof process.emitWarning === 'function')\n            process.emitWarning(warning);\n        else\n            console.warn(warning);",
    ],
  ],
};

/** Resolves `yaml` to its ES module build, patched to behave as the Node build, so the bundle can tree-shake it. */
export function yamlEsm(root) {
  const dist = join(root, 'node_modules/yaml/browser/dist');
  return {
    name: 'yaml-esm',
    setup(build) {
      build.onResolve({ filter: /^yaml$/ }, () => ({
        path: join(root, 'node_modules/yaml/browser/index.js'),
      }));
      build.onLoad({ filter: /[\\/]yaml[\\/]browser[\\/]dist[\\/].*\.js$/ }, (args) => {
        const patches = YAML_ESM_PATCHES[relative(dist, args.path).split(sep).join('/')];
        if (!patches) return undefined;
        let contents = readFileSync(args.path, 'utf8');
        for (const [from, to] of patches) {
          if (contents.split(from).length !== 2)
            throw new Error(
              `action/esbuildPlugins.mjs: ${args.path} no longer holds ${JSON.stringify(from)} once; update YAML_ESM_PATCHES`,
            );
          contents = contents.replace(from, to);
        }
        return { contents, loader: 'js' };
      });
    },
  };
}
