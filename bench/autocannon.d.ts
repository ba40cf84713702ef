// The part of autocannon's API the benchmarks use (it ships no types).
declare module "autocannon" {
  interface Histogram {
    average: number;
    total: number;
    p50: number;
    p99: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    non2xx: number;
    errors: number;
    timeouts: number;
    "1xx": number;
    "2xx": number;
    "3xx": number;
    "4xx": number;
    "5xx": number;
    /** Seconds. */
    duration: number;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** Seconds before a request counts as a timeout (default 10). */
    timeout?: number;
    headers?: Record<string, string>;
    /** Requests each connection cycles through, in order. */
    requests?: { method?: string; path: string }[];
  }
  /** A connection; its request iterator is internal, read only to label a response. */
  interface Client {
    requestIterator?: { currentRequest?: { path?: string } };
  }
  /** The running benchmark: awaitable for its result, and an emitter of each response. */
  interface Instance extends PromiseLike<Result> {
    on(event: "response", listener: (client: Client, statusCode: number, resBytes: number, responseTime: number) => void): Instance;
  }
  function autocannon(options: Options): Instance;
  export default autocannon;
}
