import { spawn, type SpawnOptions } from 'node:child_process';

export interface Collected {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end with stdin closed and collects its output; rejects only if it cannot start. */
export function runCollect(command: string, args: string[], options: SpawnOptions = {}): Promise<Collected> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
