import { playDemo } from './playDemo.js';

const result = await playDemo((line) => process.stdout.write(`${line}\n`));
if (!result.ok) {
  process.stderr.write(`\ndemo failed: ${result.failures.join('; ')}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(
    '\nThe whole lifecycle ran: requested, judged, approved, merged, applied, used, warned, revoked.\n',
  );
}
