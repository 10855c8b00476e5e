import { parse } from 'yaml';
import { readRepoDir } from '../src/cli/readRepoDir.js';
import { loadGrantsRepo } from '../src/config/loadGrantsRepo.js';
import { createSchemaValidator } from '../src/config/schemaValidator.js';
import { validateRepo } from '../src/core/validateRepo.js';

/**
 * One measured run in its own process, so peak memory belongs to that mode alone:
 * `parse` is the baseline (read the files, YAML.parse each, no positions, no checks);
 * `validate` is what `grantops validate` does. Prints one JSON line.
 */
const [mode, dir, nowText, repeatText] = process.argv.slice(2);
const now = Date.parse(nowText ?? '');
const repeat = Number(repeatText ?? 7);
const { files } = await readRepoDir(dir!);
const decoder = new TextDecoder();
const validator = createSchemaValidator();
const times: number[] = [];
let problems = 0;
for (let i = 0; i < repeat + 1; i++) {
  const start = process.hrtime.bigint();
  if (mode === 'parse') {
    for (const [path, bytes] of files) if (path.endsWith('.yml')) parse(decoder.decode(bytes));
  } else {
    const repo = loadGrantsRepo({ files, validator });
    problems = validateRepo({ repo, now }).filter((p) => p.severity === 'error').length;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (i > 0) times.push(ms); // the first run warms the JIT
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
const cpuMs = (process.cpuUsage().user + process.cpuUsage().system) / 1000;
console.log(
  JSON.stringify({
    mode,
    files: files.size,
    medianMs: median,
    minMs: times[0],
    cpuMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    errors: problems,
  }),
);
