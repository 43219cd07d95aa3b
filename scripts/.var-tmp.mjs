import { readFileSync, writeFileSync } from 'node:fs';
const mode = process.argv[2];
if (mode === 'make') {
  const t = readFileSync('data/corpus.json', 'utf8'); const nl = t.indexOf('\n');
  const head = t.slice(0, nl + 1); const p = JSON.parse('{' + t.slice(nl + 1));
  const esc = (s) => s.replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  writeFileSync('/tmp/benchdev/v-ascii.json', esc(t));
  const noMd = { ...p, docs: p.docs.map((d) => ({ ...d, markdown: undefined })) };
  writeFileSync('/tmp/benchdev/v-nomd.json', head + JSON.stringify(noMd).slice(1));
  writeFileSync('/tmp/benchdev/v-nomd-ascii.json', esc(head + JSON.stringify(noMd).slice(1)));
  const noIdx = { ...noMd, searchIndex: undefined };
  writeFileSync('/tmp/benchdev/v-docsonly.json', esc(head + JSON.stringify(noIdx).slice(1)));
  process.exit(0);
}
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
let c0 = cpu(); const t = readFileSync(mode, 'utf8'); const read = cpu() - c0;
c0 = cpu(); const p = JSON.parse('{' + t.slice(t.indexOf('\n') + 1)); const parse = cpu() - c0;
console.log(JSON.stringify({ mode, read, parse }));
