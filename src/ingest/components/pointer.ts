import { text } from '../mdast-utils.js';
import type { ComponentTransform } from './context.js';

const ACRONYMS: Record<string, string> = {
  Mfa: 'MFA',
  Sso: 'SSO',
  Csv: 'CSV',
  Idp: 'IdP',
  Api: 'API',
  Sftp: 'SFTP',
  Otp: 'OTP',
  Totp: 'TOTP',
};

/** `DirectorySyncDiagram.UserCreated` -> "Directory Sync Diagram: User Created". */
export function humanise(name: string): string {
  const words = (s: string): string =>
    s
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
      .replace(/\b[A-Z][a-z]+\b/g, (w) => ACRONYMS[w] ?? w);
  const [base, part] = name.split('.');
  return part ? `${words(base)}: ${words(part)}` : words(base);
}

/** `MfaEnrollmentDemoTotp` -> "Interactive demo: MFA Enrollment TOTP" (demos only work on the site). */
function describe(name: string): string {
  if (/Demo/.test(name)) return `Interactive demo: ${humanise(name.replace(/Demo/, ''))}`;
  return humanise(name);
}

/**
 * Interactive widgets, diagrams and data-driven tables are drawn by site code we do not have.
 * A one-line pointer tells the reader something is there and where to see it.
 */
export function pointer(label?: string, url?: string): ComponentTransform {
  return (node, ctx) => {
    const anchor = ctx.currentAnchor();
    const where = url ?? (anchor ? `${ctx.docUrl}#${anchor}` : ctx.docUrl);
    const what = label ?? describe(node.name ?? 'Component');
    return [
      {
        type: 'paragraph',
        children: [
          {
            type: 'emphasis',
            children: [text(`${what} — see `), { type: 'link', url: where, children: [text(where)] }],
          },
        ],
      },
    ];
  };
}

/** Component families that are visual-only on the site. */
export const POINTER_PATTERN = /(Diagram|Diagrams|Demo|Table|Grid|Cards)(\.|$)|Demo[A-Z]/;
