import { definedArgs, type CallArgs, type Face } from '../core/face.js';
import { COMMANDS, commandFor } from './commands.js';

const BIN = 'workos-docs-mcp';
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** How a person is told what to run next: `workos-docs-mcp read sso --page 2`. */
export const CLI_FACE: Face = {
  name: (operation) => `${BIN} ${commandFor(operation)?.command ?? operation}`,
  call: (operation: string, args: CallArgs) => {
    const spec = commandFor(operation);
    const parts = [BIN, spec?.command ?? operation];
    for (const [k, v] of definedArgs(args)) {
      const value = String(v);
      const quoted = /^[\w./#-]+$/.test(value) ? value : JSON.stringify(value);
      if (k === spec?.positional?.field) parts.splice(2, 0, quoted);
      else parts.push(`--${kebab(k)}`, quoted);
    }
    return parts.join(' ');
  },
};

export { COMMANDS };
