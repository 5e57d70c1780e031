import { randomUUID } from 'node:crypto';
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What DynamoDB answers when it throttles: the AWS JSON 1.0 error shape (HTTP 400, `__type` naming the
 * exception), exactly as the SDK parses it, so the SDK's own retry classification sees a real throttle.
 */
const throttles = {
  throttling: {
    type: 'com.amazon.coral.availability#ThrottlingException',
    message: 'Rate of requests exceeds the allowed throughput.',
  },
  provisioned: {
    type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    message:
      'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
  },
} as const;

/** `stall` accepts the request and never answers: what a hung connection looks like to the SDK. */
export type Fault = keyof typeof throttles | 'stall';

export interface FaultRule {
  /** The DynamoDB operation (`X-Amz-Target` without its prefix): `PutItem`, `TransactWriteItems`, … */
  operation: string;
  fault: Fault;
  /** Only requests whose JSON body contains this text (an entity name, a key prefix). */
  bodyContains?: string;
  /** How many matching requests get the fault; unlimited when unset. */
  times?: number;
}

export interface FaultProxy {
  /** The endpoint to give the SDK instead of DynamoDB Local's. */
  readonly url: string;
  /** Requests of one operation that reached the proxy (each SDK attempt is one), faulted or not. */
  attempts(operation: string): number;
  /** Requests the proxy answered with a fault. */
  faulted(operation: string): number;
  inject(rule: FaultRule): void;
  /** Removes every rule and resets the counters. */
  reset(): void;
  close(): Promise<void>;
}

function readAll(request: IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => done(Buffer.concat(chunks)));
    request.on('error', fail);
  });
}

/**
 * A loopback HTTP proxy in front of DynamoDB Local that passes requests through or answers them with
 * DynamoDB's throttling errors, or lets them hang. Tests put it between the real SDK and the real store,
 * so retries, backoff and timeouts are the SDK's own; the counters show how many attempts it made.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const rules: (FaultRule & { used: number })[] = [];
  const seen = new Map<string, number>();
  const faults = new Map<string, number>();
  const sockets = new Set<Socket>();
  const bump = (counter: Map<string, number>, operation: string) =>
    counter.set(operation, (counter.get(operation) ?? 0) + 1);

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const body = await readAll(request);
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.slice(target.indexOf('.') + 1);
    bump(seen, operation);
    const text = body.toString('utf8');
    const rule = rules.find(
      (candidate) =>
        candidate.operation === operation &&
        (candidate.times === undefined || candidate.used < candidate.times) &&
        (candidate.bodyContains === undefined || text.includes(candidate.bodyContains)),
    );
    if (rule) {
      rule.used += 1;
      bump(faults, operation);
      if (rule.fault === 'stall') return; // the socket stays open until the client gives up
      const error = throttles[rule.fault];
      const payload = JSON.stringify({ __type: error.type, message: error.message });
      response.writeHead(400, {
        'content-type': 'application/x-amz-json-1.0',
        'content-length': Buffer.byteLength(payload),
        'x-amzn-requestid': randomUUID(),
      });
      response.end(payload);
      return;
    }
    const passed = forward(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    passed.on('error', () => response.destroy());
    passed.end(body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    attempts: (operation) => seen.get(operation) ?? 0,
    faulted: (operation) => faults.get(operation) ?? 0,
    inject: (rule) => {
      rules.push({ ...rule, used: 0 });
    },
    reset: () => {
      rules.length = 0;
      seen.clear();
      faults.clear();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((closed) => server.close(() => closed()));
    },
  };
}
