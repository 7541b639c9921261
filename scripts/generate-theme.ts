/**
 * Writes client/theme/tokens.css: Dialoogtafel's own NL Design System theme.
 *
 * Source: the NL Design System "voorbeeld" (example) theme, EUPL-1.2, which belongs to no
 * municipality. Its three layers become ours:
 *   1. --dialoogtafel-*  every raw value: the colour palette, fonts, type scale, spacing, focus.
 *                        A region overrides these (see README, "Your region's colours").
 *   2. --basis-*         the NL Design System common tokens, only references to layer 1.
 *   3. --utrecht-*       the component tokens the Utrecht component CSS reads, references to 2.
 * Only tokens that the imported component CSS or client/styles read are kept (plus the whole
 * palette and raw scale, so styles can use any step).
 *
 * Run: node --import tsx scripts/generate-theme.ts   (after changing the component imports in
 * client/theme/components.css or a token a stylesheet reads).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const source = require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css');
const sourceVersion = (require('@nl-design-system-unstable/voorbeeld-design-tokens/package.json') as { version: string }).version;

const declarations = new Map<string, string>();
for (const match of readFileSync(source, 'utf8').matchAll(/^\s*(--[a-z0-9-]+):\s*([^;]+);/gm)) {
  declarations.set(match[1]!, match[2]!.trim());
}

const references = (css: string) => new Set([...css.matchAll(/var\((--[a-z0-9-]+)/g)].map((m) => m[1]!));

// What the stylesheets read: the component CSS imported by components.css, and our own styles.
const read = new Set<string>();
const componentsCss = readFileSync(join(root, 'client/theme/components.css'), 'utf8');
// Our own mapping of component tokens the example theme leaves out.
for (const name of references(readFileSync(join(root, 'client/theme/components-extra.css'), 'utf8'))) read.add(name);
for (const [, specifier] of componentsCss.matchAll(/@import '([^']+)'/g)) {
  for (const name of references(readFileSync(require.resolve(specifier!), 'utf8'))) read.add(name);
}
for (const file of readdirSync(join(root, 'client/styles'))) {
  for (const name of references(readFileSync(join(root, 'client/styles', file), 'utf8'))) read.add(name);
}

// Keep every read token the theme defines, and everything those refer to.
const kept = new Set<string>();
const queue = [...read].filter((name) => declarations.has(name));
while (queue.length > 0) {
  const name = queue.pop()!;
  if (kept.has(name)) continue;
  kept.add(name);
  for (const ref of references(declarations.get(name)!)) if (declarations.has(ref)) queue.push(ref);
}
for (const name of declarations.keys()) {
  if (name.startsWith('--voorbeeld-kleuren-')) kept.add(name);
  if (name.startsWith('--basis-') && !declarations.get(name)!.includes('var(')) kept.add(name);
}

const hues: Record<string, string> = { blauw: 'blue', grijs: 'grey', groen: 'green', geel: 'yellow', oranje: 'orange', rood: 'red', violet: 'violet', wit: 'white' };
const paletteName = (name: string) => name.replace(/^--voorbeeld-kleuren-([a-z]+)/, (_, hue: string) => `--dialoogtafel-color-${hues[hue] ?? hue}`);
const rawName = (name: string) => name.replace(/^--basis-/, '--dialoogtafel-');

// A neutral system font stack: nothing to download, nothing to license.
const sans = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
const mono = "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono', monospace";
const rawOverrides: Record<string, string> = {
  '--basis-text-font-family-default': sans,
  '--basis-heading-font-family': sans,
  '--basis-text-font-family-monospace': mono,
};

const rewrite = (value: string) => value.replace(/--voorbeeld-kleuren-[a-z0-9-]+/g, paletteName);
// Buttons (accent-1, action-1) and links (action-2) take one role scale, --dialoogtafel-color-accent-*, so a
// region recolours every action by overriding that scale. It defaults to the neutral blue.
const accentScale = ['50', '100', '200', '300', '400', '500', '600', '700'];
const accentRoles = /^--basis-color-(accent-1|action-1|action-2)-/;
const rewriteRole = (name: string, value: string) =>
  rewrite(accentRoles.test(name) ? value.replace(/--voorbeeld-kleuren-[a-z]+-(\d+)/g, '--dialoogtafel-color-accent-$1') : value);
const sorted = (names: Iterable<string>) => [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

const brand: string[] = [];
const basis: string[] = [];
const components: string[] = [];
for (const name of sorted(kept)) {
  const value = declarations.get(name)!;
  if (name.startsWith('--voorbeeld-kleuren-')) brand.push(`  ${paletteName(name)}: ${value};`);
  else if (name.startsWith('--basis-') && !value.includes('var(')) {
    brand.push(`  ${rawName(name)}: ${rawOverrides[name] ?? value};`);
    basis.push(`  ${name}: var(${rawName(name)});`);
  } else if (name.startsWith('--basis-')) basis.push(`  ${name}: ${rewriteRole(name, value)};`);
  else if (name.startsWith('--utrecht-')) components.push(`  ${name}: ${rewrite(value)};`);
}

for (const step of accentScale) brand.push(`  --dialoogtafel-color-accent-${step}: var(--dialoogtafel-color-blue-${step});`);

const missing = sorted([...read].filter((name) => name.startsWith('--utrecht-') && !declarations.has(name)));

writeFileSync(
  join(root, 'client/theme/tokens.css'),
  `/*
 * Dialoogtafel theme tokens. Generated by scripts/generate-theme.ts; do not edit by hand.
 * Derived from @nl-design-system-unstable/voorbeeld-design-tokens ${sourceVersion}
 * (NL Design System community, licensed under the EUPL-1.2).
 *
 * All in the cascade layer dialoogtafel-theme, so a region's unlayered :root rules (THEME_CSS) win.
 * Layer 1, --dialoogtafel-*: every raw value. Override these (in THEME_CSS) for a region's look.
 * Layer 2, --basis-*: NL Design System common tokens, references to layer 1.
 * Layer 3, --utrecht-*: the component tokens the component CSS reads, references to layer 2.
 */

@layer dialoogtafel-theme {
:root {
${brand.join('\n')}
}

:root {
${basis.join('\n')}
}

:root {
${components.join('\n')}
}
}
`,
);
console.log(`tokens.css: ${brand.length} dialoogtafel, ${basis.length} basis, ${components.length} component tokens`);
console.log(`read by the CSS but not in the theme (${missing.length}; fallbacks or client/theme/components-extra.css):`);
console.log(missing.join('\n'));
