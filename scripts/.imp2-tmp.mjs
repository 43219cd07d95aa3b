const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const which = process.argv[2];
const c0 = cpu(), w0 = performance.now();
if (which === 'program') await import('/work/main/dist/cli/program.js');
else { await import('/work/main/dist/transports/stdio.js'); await import('/work/main/dist/core/load-runtime.js'); await import('commander'); }
console.log(which.padEnd(10), 'cpu', (cpu() - c0).toFixed(0), 'wall', (performance.now() - w0).toFixed(0));
