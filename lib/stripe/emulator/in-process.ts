import { Readable } from 'node:stream';
import Stripe from 'stripe';
import { serveStripe, type EmulatorDeps, type StripeReply } from './handler';

type RequestHeaders = Record<string, string | number | string[]>;

/**
 * The SDK's answer object for an in-process reply: status, headers and the JSON body, with nothing
 * in between to stream or decode.
 */
class InProcessResponse extends Stripe.HttpClientResponse {
  constructor(private readonly reply: StripeReply) {
    super(reply.status, reply.headers);
  }

  /** Becomes `lastResponse` on every SDK result: shaped as the SDK types it (and as Node's HTTP client gives it). */
  getRawResponse(): { statusCode: number; headers: Record<string, string> } {
    return { statusCode: this.reply.status, headers: this.reply.headers };
  }

  toStream(streamCompleteCallback: () => void): Readable {
    const stream = Readable.from([Buffer.from(this.reply.body)]);
    stream.once('end', streamCompleteCallback);
    return stream;
  }

  async toJSON(): Promise<unknown> {
    return this._parseResponseBody(this.reply.body);
  }
}

/**
 * An HTTP client for the official SDK that hands each request straight to the emulator, as the
 * `/v1` route would, without building Fetch API requests and responses in between. The SDK does
 * everything else as it does against Stripe: encoding, idempotency keys, retries, errors. There is
 * no network to time out: a request waits only on the database, where PostgreSQL row locks give up
 * after five seconds with Stripe's `lock_timeout`.
 */
export class InProcessHttpClient extends Stripe.HttpClient {
  constructor(private readonly deps: EmulatorDeps) {
    super();
  }

  getClientName(): string {
    return 'aisle-emulator';
  }

  async makeRequest(
    _host: string,
    _port: string,
    path: string,
    method: string,
    headers: RequestHeaders,
    requestData: string,
  ): Promise<InProcessResponse> {
    const lower = new Map<string, string>();
    for (const [name, value] of Object.entries(headers))
      lower.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
    const reply = await serveStripe(
      { method, path, header: (name) => lower.get(name) ?? null, body: requestData ?? '' },
      this.deps,
    );
    return new InProcessResponse(reply);
  }
}
