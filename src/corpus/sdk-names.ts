/** `portal.generateLink()` -> {namespace: portal, name: generateLink}; `withAuth()` -> {name: withAuth}. Objects (`interface X`) are not methods. */
export function parseDocsTitle(title: string): { namespace?: string; name: string } | undefined {
  const m = /^(?:workos\.)?(?:([A-Za-z_$][\w$]*)\.)?([A-Za-z_$][\w$]*)\(\)$/.exec(title.trim());
  if (!m) return undefined;
  return m[1] ? { namespace: m[1], name: m[2] } : { name: m[2] };
}
