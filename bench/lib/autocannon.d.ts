// The few parts of autocannon's API the benchmarks use (the package ships no types, and
// @types/autocannon is not installed).
declare module "autocannon" {
  interface Histogram {
    p50: number;
    p99: number;
    average: number;
    max: number;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  interface Result {
    requests: Histogram & { total: number };
    latency: Histogram;
    throughput: Histogram & { total: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  function autocannon(
    options: Options,
    callback: (error: Error | null, result: Result) => void,
  ): unknown;
  export default autocannon;
}
