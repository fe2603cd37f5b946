// Test-side helpers for the mock service: a tenant per test, its faults and its request log.
import { startMock, TEST_TLS } from "../mock/server.mjs";

let counter = 0;

/**
 * Starts the mock. With `{ http2: true }` a second listener speaks HTTP/2
 * over TLS (test certificate; the test Chromium ignores certificate errors)
 * to the same tenants: each tenant then has an `h2base` beside its `base`.
 * Control calls always go over plain HTTP.
 */
export async function withMock({ http2 = false } = {}) {
  const server = await startMock(0);
  const h2 = http2 ? await startMock(0, { tls: TEST_TLS }) : null;
  const url = `http://127.0.0.1:${server.address().port}`;
  const h2url = h2 ? `https://127.0.0.1:${h2.address().port}` : null;
  const stop = (s) => new Promise((done) => { s.closeAllConnections?.(); s.close(done); });
  return {
    url,
    h2url,
    close: () => Promise.all([stop(server), ...(h2 ? [stop(h2)] : [])]),
    /** A fresh tenant: its base URLs and control functions. */
    async tenant(config = {}) {
      const name = `t${process.pid}_${++counter}`;
      const base = `${url}/t/${name}`;
      const h2base = h2url ? `${h2url}/t/${name}` : null;
      const control = (what, body) =>
        fetch(`${base}/__control/${what}`, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) }).then((r) => r.json());
      await control("config", config);
      return { name, base, h2base, config: (c) => control("config", c), log: () => control("log") };
    },
  };
}

/**
 * The most requests of the log in flight at one moment. The count peaks
 * when a request starts, so it is taken at every start (counting the
 * requests that merely overlap one long request would count more than were
 * ever out together).
 */
export function maxInFlight(entries) {
  return Math.max(0, ...entries.map((e) => entries.filter((o) => o.start <= e.start && e.start < (o.end ?? Infinity)).length));
}

/** Whether every pair of requests in the log overlapped in time. */
export function allOverlap(entries) {
  const latestStart = Math.max(...entries.map((e) => e.start));
  const earliestEnd = Math.min(...entries.map((e) => e.end));
  return latestStart < earliestEnd;
}
