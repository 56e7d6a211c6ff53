// What the gate costs a page that inserts many elements, measured in real
// Chromium: the same page with no consent script, with ConsentGate, and with
// yett (a bare script blocker) for comparison, in interleaved runs. Each
// run's ordinary elements are timed twice: by the page's clock, and by the
// main thread's CPU time from a trace, which leaves out the time the thread
// waited for a core while other processes ran. Neither is steady from one run
// to the next on a shared machine: compare variants within a run.
//
//   npm run bench:gate            (RUNS=25 npm run bench:gate for more runs)
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../chromium.mjs";

const RUNS = Number(process.env.RUNS || 15);
const ORDINARY = 2000;
const TRACKERS = 200;
const read = (path) => readFileSync(new URL(path, import.meta.url));

const config = JSON.stringify({
  categories: { analytics: { services: ["google-analytics", "hotjar", "mixpanel"] }, marketing: { services: ["facebook-pixel"] } },
});
const heads = {
  none: "",
  consentgate: `<script type="application/json" id="consentgate-config">${config}</script><script src="/consentgate.js"></script>`,
  yett: `<script src="/yett-config.js"></script><script src="/yett.min.js"></script>`,
};
const files = {
  "/consentgate.js": read("../../dist/consentgate.js"),
  "/yett.min.js": read("../../node_modules/yett/dist/yett.min.js"),
  "/yett-config.js": "window.YETT_BLACKLIST=[/googletagmanager\\.com/,/hotjar\\.com/,/mixpanel\\.com/,/mxpnl\\.com/,/facebook\\.(com|net)/];",
  "/work.js": read("./gate-work.js"),
  "/pixel.gif": Buffer.from("R0lGODlhAQABAAAAACw=", "base64"),
};
const page = (head) =>
  `<!doctype html><html><head>${head}</head><body><main id="root"></main><script src="/work.js"></script></body></html>`;

const server = createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  const body = files[url.pathname];
  if (body) {
    res.setHeader("content-type", url.pathname.endsWith(".gif") ? "image/gif" : "text/javascript");
    return res.end(body);
  }
  const head = heads[url.pathname.slice(1)];
  if (head === undefined) return res.writeHead(404).end();
  res.setHeader("content-type", "text/html");
  res.end(page(head));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/**
 * The renderer's main-thread CPU time of what `run` makes the page do, from a
 * trace: unlike the page's own clock, it leaves out the time the thread
 * waited for a core, which other processes take on a shared machine.
 */
async function threadTime(context, tab, run) {
  const cdp = await context.newCDPSession(tab);
  const events = [];
  cdp.on("Tracing.dataCollected", (data) => events.push(...data.value));
  const complete = new Promise((resolve) => cdp.on("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", { traceConfig: { includedCategories: ["toplevel"] }, transferMode: "ReportEvents" });
  const result = await run();
  await cdp.send("Tracing.end");
  await complete;
  await cdp.detach();
  // The page's work is the longest task of the trace.
  const task = events.filter((e) => e.name === "ThreadControllerImpl::RunTask").sort((a, b) => b.dur - a.dur)[0];
  return { result, time: task.tdur / 1000 };
}

const times = Object.fromEntries(Object.keys(heads).map((name) => [name, { ordinary: [], cpu: [], trackers: [] }]));
const OPS = 5000;
const ops = Object.fromEntries(Object.keys(heads).map((name) => [name, []]));
for (let run = 0; run < RUNS; run++) {
  // Interleaved and rotated, so drift on a shared machine hits every variant alike.
  const order = Object.keys(heads);
  for (let i = 0; i < run % order.length; i++) order.push(order.shift());
  for (const name of order) {
    const context = await browser.newContext();
    await context.route((url) => !url.href.startsWith(origin), (route) => route.fulfill({ status: 204 }));
    const tab = await context.newPage();
    await tab.goto(`${origin}/${name}`);
    const cpu = await threadTime(context, tab, () =>
      tab.evaluate((ordinary) => window.work(ordinary, 0), ORDINARY),
    );
    times[name].cpu.push(cpu.time);
    times[name].ordinary.push(cpu.result.ordinary);
    // Before the trackers: without a gate, their 200 scripts would be fetched
    // and run while the warm operations are timed, slowing only that variant.
    ops[name].push(await tab.evaluate((n) => window.ops(n), OPS));
    const result = await tab.evaluate((trackers) => window.work(0, trackers), TRACKERS);
    times[name].trackers.push(result.trackers);
    await context.close();
  }
}
await browser.close();
server.close();

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const base = median(times.none.ordinary);
const baseCpu = median(times.none.cpu);
console.log(`${RUNS} interleaved runs in Chromium; ${ORDINARY} ordinary elements, ${TRACKERS} untagged tracker scripts`);
console.log("ordinary: the page's clock; ordinary cpu: the main thread's CPU time of the same work (medians)");
console.log(
  `${"variant".padEnd(12)} ${"ordinary ms".padStart(12)} ${"ratio".padStart(6)} ${"ordinary cpu".padStart(13)} ${"ratio".padStart(6)} ${"trackers ms".padStart(12)}`,
);
for (const [name, { ordinary, cpu, trackers }] of Object.entries(times)) {
  const m = median(ordinary);
  const c = median(cpu);
  console.log(
    `${name.padEnd(12)} ${m.toFixed(2).padStart(12)} ${(m / base).toFixed(3).padStart(6)} ${c.toFixed(2).padStart(13)} ${(c / baseCpu).toFixed(3).padStart(6)} ${median(trackers).toFixed(2).padStart(12)}`,
  );
}

const kinds = Object.keys(ops.none[0]);
console.log(`\nWarm, in µs per operation (${OPS} after ${OPS} of warm-up, medians):`);
console.log(`${"operation".padEnd(14)} ${Object.keys(heads).map((name) => name.padStart(12)).join(" ")}`);
for (const kind of kinds) {
  const cells = Object.keys(heads).map((name) => median(ops[name].map((run) => run[kind])).toFixed(3).padStart(12));
  console.log(`${kind.padEnd(14)} ${cells.join(" ")}`);
}
