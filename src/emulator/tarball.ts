import { gzipSync } from 'node:zlib';

/** A file to put in a tarball. */
export interface TarFile {
  path: string;
  content: Buffer;
  /** git mode: `100644`, `100755` or `120000` (symlink; content is the target). */
  mode: string;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

interface HeaderParams {
  name: string;
  size: number;
  mode: number;
  type: string;
  linkname?: string;
  mtime: number;
}

/** Splits a path into ustar's `prefix` (≤155 bytes) and `name` (≤100 bytes), if it can be. */
function splitName(path: string): { prefix: string; name: string } | undefined {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name !== '')
      return { prefix, name };
  }
  return undefined;
}

function header(params: HeaderParams): Buffer {
  const block = Buffer.alloc(512);
  const { prefix, name } = splitName(params.name) ?? { prefix: '', name: params.name.slice(0, 100) };
  block.write(name, 0, 100, 'utf8');
  block.write(octal(params.mode, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(params.size, 12), 124, 'ascii');
  block.write(octal(params.mtime, 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write(params.type, 156, 'ascii');
  if (params.linkname) block.write(params.linkname, 157, 100, 'utf8');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + ' ', 148, 'ascii');
  return block;
}

/** Header blocks of one entry; paths ustar cannot hold get a pax `path` record first, as git does. */
function entryHeaders(params: HeaderParams): Buffer[] {
  if (splitName(params.name) && Buffer.byteLength(params.linkname ?? '') <= 100) return [header(params)];
  const records =
    paxRecord('path', params.name) + (params.linkname ? paxRecord('linkpath', params.linkname) : '');
  const pax = Buffer.from(records);
  return [
    header({ name: 'PaxHeader', size: pax.length, mode: 0o666, type: 'x', mtime: params.mtime }),
    padded(pax),
    header(params),
  ];
}

function padded(content: Buffer): Buffer {
  const rest = content.length % 512;
  return rest === 0 ? content : Buffer.concat([content, Buffer.alloc(512 - rest)]);
}

/** A pax record `"<len> key=value\n"`, whose length counts itself. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = body.length + 1;
  while (`${length}${body}`.length !== length) length = `${length}${body}`.length;
  return `${length}${body}`;
}

/**
 * A gzip tarball shaped like GitHub's archives (`git archive`): a pax global header whose comment
 * is the commit sha, then one top-level folder `{owner}-{repo}-{shortsha}/` holding the files.
 */
export function createTarball(params: {
  folder: string;
  commitSha: string;
  files: TarFile[];
  mtime: Date;
}): Buffer {
  const mtime = Math.floor(params.mtime.getTime() / 1000);
  const pax = Buffer.from(paxRecord('comment', params.commitSha));
  const blocks: Buffer[] = [
    header({ name: 'pax_global_header', size: pax.length, mode: 0o666, type: 'g', mtime }),
    padded(pax),
    header({ name: `${params.folder}/`, size: 0, mode: 0o775, type: '5', mtime }),
  ];
  const dirs = new Set<string>();
  for (const file of [...params.files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (dirs.has(dir)) continue;
      dirs.add(dir);
      blocks.push(
        ...entryHeaders({ name: `${params.folder}/${dir}/`, size: 0, mode: 0o775, type: '5', mtime }),
      );
    }
    const name = `${params.folder}/${file.path}`;
    if (file.mode === '120000') {
      blocks.push(
        ...entryHeaders({
          name,
          size: 0,
          mode: 0o777,
          type: '2',
          linkname: file.content.toString('utf8'),
          mtime,
        }),
      );
      continue;
    }
    const mode = file.mode === '100755' ? 0o775 : 0o664;
    blocks.push(
      ...entryHeaders({ name, size: file.content.length, mode, type: '0', mtime }),
      padded(file.content),
    );
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}
