import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const declarations = (css: string) => [...css.matchAll(/^\s*(--[a-z0-9-]+):\s*([^;]+);/gm)].map((m) => ({ name: m[1]!, value: m[2]!.trim() }));

describe('the product\'s own theme', () => {
  it('keeps every raw value in the --dialoogtafel-* layer, so one file of those recolours the product', () => {
    const theme = [...declarations(read('client/theme/tokens.css')), ...declarations(read('client/theme/components-extra.css'))];
    const colours = /#[0-9a-f]{3,8}\b|\b(rgb|hsl)a?\(/i;
    for (const { name, value } of theme) {
      if (name.startsWith('--dialoogtafel-')) continue;
      expect(value, `${name} takes its colour from a token`).not.toMatch(colours);
      if (name.startsWith('--basis-')) expect(value, `${name} refers to a token`).toMatch(/^var\(--/);
    }
    // Every token the theme refers to is defined in it (an undefined one silently falls back to inherited colours).
    const defined = new Set(theme.map(({ name }) => name));
    for (const { name, value } of theme) {
      for (const [, ref] of value.matchAll(/var\((--[a-z0-9-]+)/g)) expect(defined.has(ref!), `${name} refers to ${ref}`).toBe(true);
    }
    // The component tokens the imported component CSS reads come from here, not from Utrecht's brand package.
    expect(theme.some(({ name }) => name === '--utrecht-button-primary-action-background-color')).toBe(true);
    expect(read('client/main.tsx')).not.toMatch(/@utrecht\/design-tokens|component-library-css/);
  });

  it('pins each component CSS package at the version the React library uses (one major version each)', () => {
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    const react = JSON.parse(read('node_modules/@utrecht/component-library-react/package.json')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['@utrecht/design-tokens']).toBeUndefined();
    expect(pkg.dependencies['@utrecht/component-library-css']).toBeUndefined();
    const imported = [...read('client/theme/components.css').matchAll(/@import '(@utrecht\/[a-z0-9-]+)\//g)].map((m) => m[1]!);
    expect(imported.length).toBeGreaterThan(20);
    for (const name of imported) {
      expect(pkg.dependencies[name], `${name} in package.json`).toBeDefined();
      const installed = (JSON.parse(read(`node_modules/${name}/package.json`)) as { version: string }).version;
      expect(installed, name).toBe(pkg.dependencies[name]);
      // Where the React library itself depends on the package, at the same version.
      if (react.dependencies[name]) expect(pkg.dependencies[name], name).toBe(react.dependencies[name]);
    }
  });
});

describe('THEME_CSS', () => {
  const dataDir = () => mkdtempSync(path.join(tmpdir(), 'dialoogtafel-config-'));
  const file = (name: string, content: string | Buffer) => {
    const at = path.join(mkdtempSync(path.join(tmpdir(), 'dialoogtafel-theme-')), name);
    writeFileSync(at, content);
    return at;
  };

  it('reads the region\'s stylesheet once at start-up', () => {
    const css = ':root { --dialoogtafel-color-accent-500: #8a1538; }\n';
    expect(loadConfig({ DATA_DIR: dataDir(), THEME_CSS: file('regio.css', css) }).themeCss).toBe(css);
    expect(loadConfig({ DATA_DIR: dataDir() }).themeCss).toBeUndefined();
  });

  it('refuses a missing, non-CSS, oversized or markup file with one line naming the setting', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), THEME_CSS: '/nonexistent/regio.css' })).toThrow(/^Invalid setting THEME_CSS: cannot read "\/nonexistent\/regio.css" \(ENOENT\)\.$/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), THEME_CSS: file('regio.txt', 'x') })).toThrow(/^Invalid setting THEME_CSS: must be the path of a \.css file/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), THEME_CSS: file('big.css', Buffer.alloc(300 * 1024, 0x20)) })).toThrow(/^Invalid setting THEME_CSS: must be at most 256 KB/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), THEME_CSS: file('page.css', '<!doctype html><p>hi</p>') })).toThrow(/^Invalid setting THEME_CSS: .* is not a UTF-8 CSS file/);
  });
});
