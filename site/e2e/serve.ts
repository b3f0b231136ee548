/** A static server for the built site, under its base path, for the end-to-end tests. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.ttl': 'text/turtle',
  '.jsonld': 'application/ld+json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

/** Types a static host compresses: text, not the already compressed workbooks. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|ld\+json|wasm)|image\/svg)/;

export interface ServeOptions {
  /**
   * Gzip text for clients that accept it, as the host the portal is published on does
   * (GitHub Pages, or any static server): for measuring what a visitor downloads.
   */
  compress?: boolean;
}

export function serve(root: string, basePath: string, options: ServeOptions = {}): Promise<{ server: Server; url: string }> {
  const send = (response: ServerResponse, status: number, type: string, file: string, acceptsGzip: boolean) => {
    if (options.compress && acceptsGzip && COMPRESSIBLE.test(type)) {
      response.writeHead(status, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      createReadStream(file).pipe(createGzip()).pipe(response);
      return;
    }
    response.writeHead(status, { 'Content-Type': type });
    createReadStream(file).pipe(response);
  };
  const server = createServer((request, response) => {
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(basePath)) {
      response.writeHead(404).end('outside the base path');
      return;
    }
    let file = normalize(join(root, path.slice(basePath.length)));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      send(response, 404, TYPES['.html']!, join(root, '404.html'), acceptsGzip);
      return;
    }
    send(response, 200, TYPES[extname(file)] ?? 'application/octet-stream', file, acceptsGzip);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}${basePath}` });
    });
  });
}
