// What a first visit downloads before Mend's first screen: index.html and
// every stylesheet, script, module preload and wasm it names (icons, the
// manifest and the service worker come later). Shared by scripts/bench.mjs
// and the size budget in scripts/size_budget.mjs.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Bytes of `data` raw, gzip -9 and brotli q11 (what static hosts serve). */
export function compressed(data) {
  return {
    raw: data.length,
    gzip: zlib.gzipSync(data, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Files of the first load of the build in `dist`, with their sizes, and the total. */
export function firstLoad(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  // Trunk's minified stylesheet tag (<link href=/main-….css rel=stylesheet>)
  // and the tags precache.py adds: modulepreloads of the JS glue, the chunk
  // loader and the snippets, the main wasm's preload and the start module.
  // The pages' chunks are not named here: they download when a page opens.
  const named = [...html.matchAll(/(?:href|src|from|module_or_path:)\s*=?\s*["']?([^"' >]+\.(?:css|js|wasm))/g)].map(
    (m) => m[1].replace(/^\.?\//, '').replace(/^mend\//, ''),
  );
  const files = ['index.html', ...new Set(named)].filter((file) => fs.existsSync(path.join(dist, file)));
  const rows = files.map((file) => ({ file, ...compressed(fs.readFileSync(path.join(dist, file))) }));
  const total = rows.reduce(
    (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  if (!rows.some((r) => r.file.endsWith('.wasm')) || !rows.some((r) => r.file.endsWith('.js'))) {
    throw new Error(`index.html in ${dist} names no wasm or no JS glue; has Trunk's output changed?`);
  }
  return { rows, total };
}

/** Prints rows of {file, raw, gzip, brotli} and their total as a table. */
export function printTable(title, rows, total) {
  const width = Math.max(...rows.map((r) => r.file.length), 5);
  const line = (name, r) =>
    `${name.padEnd(width)}  ${String(r.raw).padStart(9)}  ${String(r.gzip).padStart(9)}  ${String(r.brotli).padStart(9)}`;
  console.log(title);
  console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}`);
  for (const r of rows) console.log(line(r.file, r));
  console.log(line('TOTAL', total));
}

/**
 * What opening each page loaded on demand downloads (issue 22), from the
 * build in `dist`: its own chunk (`own`), and with the shared chunks it needs
 * (`all`; the first page to need a shared chunk fetches it), bytes brotli.
 * scripts/build_wasm.py lists each page's files in `manifest`. `null` when
 * there is no manifest (a build without the split).
 */
export function pageLoads(dist, manifest) {
  if (!fs.existsSync(manifest)) return null;
  const pages = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  const [app] = fs.readdirSync(dist).filter((f) => /^app-[0-9a-f]{16}$/.test(f));
  if (!app) throw new Error(`${dist} has no app-<hash>/ folder; has scripts/build_wasm.py changed?`);
  const brotliOf = (file) => {
    const found = path.join(dist, app, file);
    if (!fs.existsSync(found)) throw new Error(`${found} is missing, though ${manifest} names it: build again`);
    return compressed(fs.readFileSync(found)).brotli;
  };
  return Object.entries(pages)
    .sort()
    .map(([page, files]) => {
      const sizes = files.map(brotliOf);
      return { page, files: files.length, own: sizes[0], all: sizes.reduce((t, n) => t + n, 0) };
    });
}
