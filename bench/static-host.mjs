// A real static host: nginx from Debian, run as an ordinary process on a
// loopback port with its own config, serving one folder and nothing else.
// Like real hosts, it answers `/x` with a 301 to `/x/`. Used by the tests
// (tests/support/nginx.ts) and by the Lighthouse audit (lighthouse.mjs).
// Its server block is the README's nginx example ("Any server, under a
// path"), with only its port and folder changed: the tests serve the site
// exactly as the deploy guide tells a newsroom to.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

/** A free loopback port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The folder the README's example serves, and the line that says where it listens. */
const EXAMPLE_ROOT = 'root /srv/www;';
const EXAMPLE_LISTEN = 'listen 80;';

/** The server block of the README's nginx example. */
export function readmeServerBlock() {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = /<!-- nginx example -->\s*```nginx\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block || !block.includes(EXAMPLE_ROOT) || !block.includes(EXAMPLE_LISTEN)) {
    throw new Error(`README.md has no nginx example with \`${EXAMPLE_ROOT}\` and \`${EXAMPLE_LISTEN}\` after <!-- nginx example -->`);
  }
  return block;
}

/**
 * Serve `root` (holding the site in `news/`) on loopback, as the README's
 * example serves /srv/www. Resolves to `{ origin, stop() }` once it answers.
 */
export async function startNginx(root) {
  const prefix = mkdtempSync(path.join(tmpdir(), 'dateline-nginx-'));
  mkdirSync(path.join(prefix, 'logs'));
  const port = await freePort();
  const config = path.join(prefix, 'nginx.conf');
  const server = readmeServerBlock().replace(EXAMPLE_LISTEN, `listen 127.0.0.1:${port};`).replace(EXAMPLE_ROOT, `root ${root};`);
  writeFileSync(
    config,
    `worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  types { application/feed+json json; }
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
${server.replace(/^/gm, '  ')}}
`,
  );
  const child = spawn(NGINX, ['-c', config, '-p', prefix, '-e', `${prefix}/logs/error.log`, '-g', 'user root;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(`${origin}/`);
      break;
    } catch {
      if (attempt > 50 || child.exitCode !== null) throw new Error(`nginx did not start: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    origin,
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          rmSync(prefix, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
