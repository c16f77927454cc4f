// A lean HTTP/1.1 keep-alive client for the benchmarks. Node's http client costs more CPU per request
// than the servers under test (measured: with it, the load generator alone capped a do-nothing server
// at about 6,400 req/s on this 2-core machine), and the load generator shares the machine with them.
// One socket, one request at a time; responses framed by Content-Length or chunked encoding.
import net from 'node:net';

/** `firstByteMs`: from sending the request to the first byte of the answer (time to first byte). */
export type RawResponse = { status: number; headers: [string, string][]; body: Buffer; firstByteMs: number };

export type RawRequest = { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer };

const CRLF2 = Buffer.from('\r\n\r\n');

type Pending = { resolve: (r: RawResponse) => void; reject: (e: Error) => void; head: boolean; sentAt: number; firstByteAt?: number };

export class HttpConnection {
  private socket: net.Socket | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: Pending | undefined;
  private parsed: { status: number; headers: [string, string][]; bodyStart: number; length: number | 'chunked' | 'close' } | undefined;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  static forOrigin(origin: URL | string): HttpConnection {
    const u = new URL(origin);
    if (u.protocol !== 'http:') throw new Error(`the benchmark client speaks plain http only, not ${u.protocol}`);
    return new HttpConnection(u.hostname, Number(u.port || 80));
  }

  request(req: RawRequest): Promise<RawResponse> {
    if (this.pending) return Promise.reject(new Error('one request at a time per connection'));
    const body = req.body === undefined ? undefined : typeof req.body === 'string' ? Buffer.from(req.body) : req.body;
    let head = `${req.method} ${req.path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\n`;
    for (const [k, v] of Object.entries(req.headers ?? {})) head += `${k}: ${v}\r\n`;
    if (body) head += `content-length: ${body.length}\r\n`;
    head += '\r\n';
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, head: req.method === 'HEAD', sentAt: performance.now() };
      const socket = this.connected();
      // An idle kept-alive socket must not keep the process alive; one waiting for an answer must.
      socket.ref();
      socket.write(body ? Buffer.concat([Buffer.from(head), body]) : head);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private connected(): net.Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
    this.buffer = Buffer.alloc(0);
    this.parsed = undefined;
    socket.on('data', (chunk: Buffer) => {
      if (this.pending && this.pending.firstByteAt === undefined) this.pending.firstByteAt = performance.now();
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.parse();
    });
    const fail = (err: Error) => {
      if (this.socket === socket) this.socket = undefined;
      if (this.parsed?.length === 'close' && this.pending) {
        this.finish(this.buffer.subarray(this.parsed.bodyStart), 0);
        return;
      }
      const p = this.pending;
      this.pending = undefined;
      p?.reject(err);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed before the response ended')));
    this.socket = socket;
    return socket;
  }

  private parse(): void {
    if (!this.pending) return;
    if (!this.parsed) {
      const end = this.buffer.indexOf(CRLF2);
      if (end < 0) return;
      const lines = this.buffer.subarray(0, end).toString('latin1').split('\r\n');
      const status = Number(lines[0]!.split(' ')[1]);
      const headers: [string, string][] = [];
      let length: number | 'chunked' | 'close' = 'close';
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        headers.push([name, value]);
        if (name === 'content-length') length = Number(value);
        else if (name === 'transfer-encoding' && value.toLowerCase().includes('chunked')) length = 'chunked';
      }
      if (this.pending.head || status === 204 || status === 304) length = 0;
      this.parsed = { status, headers, bodyStart: end + 4, length };
    }
    const { bodyStart, length } = this.parsed;
    if (typeof length === 'number') {
      if (this.buffer.length - bodyStart < length) return;
      this.finish(this.buffer.subarray(bodyStart, bodyStart + length), bodyStart + length);
    } else if (length === 'chunked') {
      const decoded = dechunk(this.buffer, bodyStart);
      if (decoded) this.finish(decoded.body, decoded.end);
    }
  }

  private finish(body: Buffer, consumed: number): void {
    const { status, headers } = this.parsed!;
    const p = this.pending!;
    this.pending = undefined;
    this.parsed = undefined;
    this.buffer = consumed > 0 ? this.buffer.subarray(consumed) : Buffer.alloc(0);
    this.socket?.unref();
    if (headers.some(([k, v]) => k === 'connection' && v.toLowerCase() === 'close')) this.close();
    p.resolve({ status, headers, body: Buffer.from(body), firstByteMs: (p.firstByteAt ?? performance.now()) - p.sentAt });
  }
}

/** Decodes a complete chunked body starting at `start`, or undefined while it is incomplete. */
function dechunk(buf: Buffer, start: number): { body: Buffer; end: number } | undefined {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(buf.subarray(at, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) throw new Error('malformed chunked encoding');
    const dataStart = lineEnd + 2;
    if (size === 0) {
      // The last chunk: an empty line ends the body, or trailer lines and then an empty line.
      if (buf.length < dataStart + 2) return undefined;
      if (buf[dataStart] === 13 && buf[dataStart + 1] === 10) return { body: Buffer.concat(parts), end: dataStart + 2 };
      const end = buf.indexOf(CRLF2, lineEnd);
      return end < 0 ? undefined : { body: Buffer.concat(parts), end: end + 4 };
    }
    if (buf.length < dataStart + size + 2) return undefined;
    parts.push(buf.subarray(dataStart, dataStart + size));
    at = dataStart + size + 2;
  }
}

/** All values of a header (set-cookie repeats). */
export function headerValues(headers: [string, string][], name: string): string[] {
  return headers.filter(([k]) => k === name).map(([, v]) => v);
}

export function headerValue(headers: [string, string][], name: string): string | undefined {
  return headers.find(([k]) => k === name)?.[1];
}
