// Test-side helpers for the mock service: a tenant per test, its faults and its request log.
import { startMock } from "../mock/server.mjs";

let counter = 0;

export async function withMock() {
  const server = await startMock(0);
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(done); }),
    /** A fresh tenant: its base URL and control functions. */
    async tenant(config = {}) {
      const name = `t${process.pid}_${++counter}`;
      const base = `${url}/t/${name}`;
      const control = (what, body) =>
        fetch(`${base}/__control/${what}`, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) }).then((r) => r.json());
      await control("config", config);
      return { name, base, config: (c) => control("config", c), log: () => control("log") };
    },
  };
}

/** Whether every pair of requests in the log overlapped in time. */
export function allOverlap(entries) {
  const latestStart = Math.max(...entries.map((e) => e.start));
  const earliestEnd = Math.min(...entries.map((e) => e.end));
  return latestStart < earliestEnd;
}
