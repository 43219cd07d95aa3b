import { callout, deprecationCallout } from './callout.js';
import { codeBlock, codeBlockTab } from './code-block.js';
import type { ComponentTransform } from './context.js';
import { eventDetails, eventRoot } from './event.js';
import { exampleAppsCard, exampleAppsRoot } from './example-apps.js';
import {
  badge,
  drop,
  htmlBreak,
  htmlCode,
  htmlEmphasis,
  htmlImage,
  htmlLink,
  htmlStrong,
  passThrough,
  propsTable,
  stringValue,
} from './inline.js';
import { pointer, POINTER_PATTERN } from './pointer.js';

export type { ComponentTransform, RenderContext, Snippet } from './context.js';

/** One transform per component name seen in the WorkOS docs; anything else falls back to its children. */
const TRANSFORMS: Record<string, ComponentTransform> = {
  CodeBlock: codeBlock,
  CodeBlockTab: codeBlockTab,
  'Event.Root': eventRoot,
  'Event.Details': eventDetails,
  'Event.Description': passThrough,
  'ExampleApps.Root': exampleAppsRoot,
  'ExampleApps.Card': exampleAppsCard,
  Callout: callout,
  DeprecationCallout: deprecationCallout,
  PropsTable: propsTable,
  GlossaryMarker: drop,
  Badge: badge,
  Spinner: drop,
  String: stringValue,
  LanguageSelector: passThrough,
  'ProviderCards.SsoIntegration': pointer(
    'SSO identity provider setup guides',
    'https://workos.com/docs/integrations',
  ),
  'ProviderCards.DirSyncIntegration': pointer(
    'Directory provider setup guides',
    'https://workos.com/docs/integrations',
  ),
  'ProviderCards.UserManagementMigration': pointer(
    'Migration guides from other auth providers',
    'https://workos.com/docs/migrate',
  ),
  code: htmlCode,
  strong: htmlStrong,
  b: htmlStrong,
  em: htmlEmphasis,
  i: htmlEmphasis,
  br: htmlBreak,
  a: htmlLink,
  img: htmlImage,
  style: drop,
  script: drop,
};

export function transformFor(name: string | null | undefined): ComponentTransform {
  if (!name) return passThrough;
  const exact = TRANSFORMS[name];
  if (exact) return exact;
  if (name.startsWith('DeprecationCallout.')) return deprecationCallout;
  if (POINTER_PATTERN.test(name)) return pointer();
  return passThrough;
}
