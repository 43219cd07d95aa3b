/**
 * `npm run build:code` step 3: records the stdio server's handshake answers into dist/handshake.json
 * (see src/transports/handshake-snapshot.ts), from the same source the bundle was just built from.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recordHandshake } from '../src/server/handshake-recorder.js';

const file = fileURLToPath(new URL('../dist/handshake.json', import.meta.url));
const snapshot = await recordHandshake();
writeFileSync(file, `${JSON.stringify(snapshot)}\n`);
process.stderr.write(
  `handshake snapshot: ${Object.keys(snapshot.versions).length} protocol versions -> ${file}\n`,
);
