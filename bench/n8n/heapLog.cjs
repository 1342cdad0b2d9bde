/**
 * Preloaded into n8n to see inside its memory: BENCH_N8N_NODE_OPTIONS="--require <repo>/bench/n8n/heapLog.cjs"
 * appends process.memoryUsage() of the `n8n start` process every 500 ms to BENCH_HEAP_LOG (default
 * /tmp/n8n-heap-<pid>.log): the resident size beside V8's heap (total and used) and memory outside it, so that a
 * run's peak can be told apart into live data, garbage V8 has not collected yet, and native memory.
 */
const fs = require('node:fs');

if (process.argv.includes('start')) {
	const file = process.env.BENCH_HEAP_LOG || `/tmp/n8n-heap-${process.pid}.log`;
	const mb = (bytes) => Math.round(bytes / 1048576);
	setInterval(() => {
		const m = process.memoryUsage();
		fs.appendFileSync(file, `${new Date().toISOString().slice(11, 19)} rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} heapUsed ${mb(m.heapUsed)} external ${mb(m.external)}\n`);
	}, 500).unref();
}
