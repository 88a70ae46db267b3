// The one local web server the e2e tests use. Both browsers map x.com, twitter.com and the
// lookalike hosts to it (see chromium.ts / firefox.ts), so pages load at their real URLs and the
// production manifest is what gets tested. The certificate is made at test time into a temp dir
// and deleted on close; nothing secret is ever committed.
//
// TLS and plain HTTP share the port (the first byte of a TLS ClientHello is 0x16), so
// http://x.com can be served too where a test needs it; note that x.com and twitter.com are on
// the browsers' HSTS preload lists, so real browsers upgrade those to https anyway.
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net, { type AddressInfo, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CERT_NAMES } from './config';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface LoggedRequest {
  method: string;
  /** Host header without the port, lower-case. */
  host: string;
  url: string;
  tls: boolean;
}

export interface TestServer {
  /** The port everything listens on ('::', so IPv4 and IPv6). */
  readonly port: number;
  /** base64 SHA-256 of the certificate's SubjectPublicKeyInfo (Chromium's --ignore-certificate-errors-spki-list). */
  readonly spkiBase64: string;
  /** The certificate (PEM), e.g. as `ca` for Node-side requests. */
  readonly certPem: string;
  /** Every request served or refused, oldest first (capped at 2,000). */
  readonly requests: LoggedRequest[];
  /** Swap the handler for the next requests (e.g. the X replica for one file, a fixture for another). */
  setHandler(handler: RequestHandler): void;
  close(): Promise<void>;
}

export interface ServerOptions {
  handler: RequestHandler;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
}

/** Hosts the handler sees; any other Host gets 421 (Firefox's forceResolve sends every host here). */
function isServedHost(host: string): boolean {
  if (host === '127.0.0.1' || host === '::1' || host === '[::1]') return true;
  return CERT_NAMES.some((name) =>
    name.startsWith('*.') ? host.endsWith(name.slice(1)) && host.length > name.length - 1 : host === name,
  );
}

function hostOf(req: IncomingMessage): string {
  const raw = (req.headers.host ?? '').toLowerCase();
  // "[::1]:8443" → "[::1]", "x.com:443" → "x.com"
  return raw.startsWith('[') ? raw.slice(0, raw.indexOf(']') + 1) : raw.replace(/:\d+$/, '');
}

/** A self-signed certificate for CERT_NAMES, made with the openssl CLI in a fresh temp dir. */
function makeCertificate(dir: string): { key: string; cert: string } {
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  const san = [...CERT_NAMES.map((n) => `DNS:${n}`), 'IP:127.0.0.1', 'IP:::1'].join(',');
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-nodes', '-days', '7',
      '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
      '-subj', '/CN=Sparekey e2e test server',
      '-addext', `subjectAltName=${san}`,
      '-addext', 'basicConstraints=critical,CA:FALSE',
      '-addext', 'extendedKeyUsage=serverAuth',
      '-keyout', keyFile, '-out', certFile,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
}

export function spkiSha256Base64(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

export async function startServer(options: ServerOptions): Promise<TestServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sparekey-e2e-cert-'));
  let handler = options.handler;
  const requests: LoggedRequest[] = [];
  let pem: { key: string; cert: string };
  try {
    pem = makeCertificate(dir);
  } finally {
    // The key lives in memory only from here on.
    rmSync(dir, { recursive: true, force: true });
  }

  const dispatch = (tls: boolean) => (req: IncomingMessage, res: ServerResponse) => {
    const host = hostOf(req);
    requests.push({ method: req.method ?? 'GET', host, url: req.url ?? '/', tls });
    if (requests.length > 2_000) requests.shift();
    if (!isServedHost(host)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end(`421: ${host} is not served by the test server\n`);
      return;
    }
    try {
      handler(req, res);
    } catch (error) {
      console.error('[e2e server] handler threw', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('500: the test handler threw\n');
    }
  };

  const tlsServer = https.createServer({ key: pem.key, cert: pem.cert }, dispatch(true));
  const plainServer = http.createServer(dispatch(false));
  const sockets = new Set<Socket>();
  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? tlsServer : plainServer).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen({ host: '::', port: options.port ?? 0, ipv6Only: false }, () => resolve());
  });

  return {
    port: (front.address() as AddressInfo).port,
    spkiBase64: spkiSha256Base64(pem.cert),
    certPem: pem.cert,
    requests,
    setHandler(next) {
      handler = next;
    },
    async close() {
      const closed = new Promise<void>((resolve) => front.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      tlsServer.closeAllConnections();
      plainServer.closeAllConnections();
      await closed;
    },
  };
}
