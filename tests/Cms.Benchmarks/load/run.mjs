// The external load generator of `dotnet run -c Release --project tests/Cms.Benchmarks -- external`:
// one autocannon run against one URL (a warm-up run first, whose figures are dropped), printed as one JSON line.
// Usage: node run.mjs <url> <body file> <connections> <warm-up seconds> <measured seconds>
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [url, bodyFile, connections, warmup, seconds] = process.argv.slice(2);
const body = readFileSync(bodyFile);
const options = (duration) => ({
  url,
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body,
  connections: Number(connections),
  duration: Number(duration),
  timeout: 30,
});

if (Number(warmup) > 0) {
  await autocannon(options(warmup));
}

// The caller reads the server's CPU time here, so its figure covers the measured run only.
process.stdout.write('warmed\n');

const result = await autocannon(options(seconds));
process.stdout.write(JSON.stringify({
  requests: result.requests.total,
  seconds: result.duration,
  bytes: result.throughput.total,
  p50: result.latency.p50,
  p90: result.latency.p90,
  p99: result.latency.p99,
  max: result.latency.max,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
}) + '\n');
