// The release build served the way a static host serves it, on a free
// loopback port: used by the end-to-end tests and by the scripts that
// measure or photograph the build (bench.mjs, screenshots.mjs).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Release build served from `/` (built by scripts/test.sh). */
export const DIST = process.env.MEND_DIST || path.join(ROOT, 'dist');
/** Release build made with `--public-url /mend/`. */
export const DIST_SUBPATH = process.env.MEND_DIST_SUBPATH || path.join(ROOT, 'target', 'dist-mend');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
};

/**
 * Serves `root` under `prefix` on a free loopback port, like a static host
 * configured for a single-page app: a path without a file extension that is
 * not a file gets index.html; a missing file gets a 404, unless
 * `htmlForMissingFiles` imitates a careless host that answers index.html.
 * With `brotli`, files go out brotli-compressed to browsers that accept it.
 * `stop()` may be called more than once (a test that takes the server away
 * mid-way, then the end of the test).
 */
export async function startServer({ root = DIST, prefix = '/', htmlForMissingFiles = false, brotli = false } = {}) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: build the release dist first (scripts/test.sh does)`);
  }
  const compressedFiles = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    let file = path.join(root, rel);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    // Like a host with "pretty URLs": /safety is safety.html. Any other
    // address of the app gets shell.html ("Opening Mend…") where the build
    // wrote one, as the deployment notes ask of a host.
    const fallback = fs.existsSync(path.join(root, 'shell.html')) ? 'shell.html' : 'index.html';
    // A folder of the build (/guides holds the guide files) is not a page:
    // like any other address of the app it gets the shell, not the welcome.
    const folder = fs.existsSync(file) && fs.statSync(file).isDirectory();
    if (rel === '' || rel === 'index.html') {
      file = path.join(root, 'index.html');
    } else if (path.extname(rel) === '' && fs.existsSync(`${file}.html`)) {
      file = `${file}.html`;
    } else if (folder || !fs.existsSync(file)) {
      if (path.extname(rel) !== '' && !htmlForMissingFiles) {
        res.writeHead(404).end('not found');
        return;
      }
      file = path.join(root, fallback);
    }
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    if (brotli && /\bbr\b/.test(req.headers['accept-encoding'] || '')) {
      // Like a static host with precompressed files (the benchmark's phone profile).
      if (!compressedFiles.has(file)) {
        const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 };
        compressedFiles.set(file, zlib.brotliCompressSync(fs.readFileSync(file), { params }));
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', 'content-encoding': 'br' });
      res.end(compressedFiles.get(file));
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  let stopped;
  return {
    origin,
    url: `${origin}${prefix}`,
    stop() {
      stopped ??= (async () => {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      })();
      return stopped;
    },
  };
}
