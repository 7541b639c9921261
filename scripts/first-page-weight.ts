import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './build-state.mjs';

export interface Weight {
  raw: number;
  gzip: number;
  files: string[];
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** The start page's own module (the route `/`), relative to client/. */
export const startPageModule = 'pages/home/HomePage.tsx';

/**
 * What the start page loads, from the build's manifest: the entry with every chunk it imports
 * statically, and the start page's lazily loaded chunk with its imports. Other pages are not
 * counted: they load when someone opens them.
 */
export function firstPageWeight(distClient = path.join(root, 'dist', 'client')): { js: Weight; css: Weight } {
  const manifest = JSON.parse(readFileSync(path.join(distClient, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) throw new Error('the build manifest names no entry');
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry);
  visit(startPageModule);
  const weigh = (list: string[]): Weight => {
    let raw = 0;
    let gzip = 0;
    for (const file of list) {
      const bytes = readFileSync(path.join(distClient, file));
      raw += bytes.length;
      gzip += gzipSync(bytes).length;
    }
    return { raw, gzip, files: list };
  };
  const all = [...files];
  return { js: weigh(all.filter((f) => f.endsWith('.js'))), css: weigh(all.filter((f) => f.endsWith('.css'))) };
}
