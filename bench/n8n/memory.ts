/**
 * Memory of an n8n process, read from /proc (Linux): the peak resident set (VmHWM, kept by the kernel) and
 * samples of the current one (VmRSS), so that a run's peak can be told from the size the process had before.
 */
import * as fs from 'node:fs';

/** A `Vm…` line of /proc/<pid>/status in MB, or undefined when the process is gone. */
export function procStatusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
	try {
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) / 1024 : undefined;
	} catch {
		return undefined;
	}
}

/** Samples a process every `intervalMs` until stop(): the highest RSS seen and the last VmHWM read. */
export class MemorySampler {
	private timer: NodeJS.Timeout | undefined;

	peakRssMb = 0;

	/** The kernel's own peak; survives between samples, so a short spike is not missed. */
	hwmMb = 0;

	constructor(
		private readonly pid: number,
		private readonly intervalMs = 100,
	) {}

	start(): this {
		this.sample();
		this.timer = setInterval(() => this.sample(), this.intervalMs);
		return this;
	}

	private sample(): void {
		const rss = procStatusMb(this.pid, 'VmRSS');
		const hwm = procStatusMb(this.pid, 'VmHWM');
		if (rss !== undefined) this.peakRssMb = Math.max(this.peakRssMb, rss);
		if (hwm !== undefined) this.hwmMb = Math.max(this.hwmMb, hwm);
	}

	stop(): { peakRssMb: number; hwmMb: number } {
		this.sample();
		clearInterval(this.timer);
		return { peakRssMb: this.peakRssMb, hwmMb: this.hwmMb };
	}
}

/** Resets the kernel's peak (VmHWM) of a process of ours to its current size (`5` to /proc/<pid>/clear_refs). */
export function resetPeak(pid: number): void {
	try {
		fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
	} catch {
		// not Linux, or not allowed: the samples of VmRSS still give the peak
	}
}

/**
 * Waits until an idle process has given back what its last run grew. V8 returns freed heap to the system only
 * once the process has been idle some 8 s (its memory reducer, in steps). Scheduled runs are minutes apart, so
 * each starts on a settled process; the bench, which starts them back to back, waits for that instead of
 * measuring a run on the heap the one before left. Settled: within `marginMb` of `idleMb` (the size it settled at
 * before), or not fallen by more than 2 MB for `quietMs`, or `maxMs` passed. Returns the size then.
 */
export async function settle(pid: number, { idleMb = 0, marginMb = 40, quietMs = 15_000, maxMs = 60_000 } = {}): Promise<number> {
	const started = Date.now();
	let size = procStatusMb(pid, 'VmRSS') ?? 0;
	let lowest = size;
	let lowestAt = started;
	while (size > idleMb + marginMb && Date.now() - lowestAt < quietMs && Date.now() - started < maxMs) {
		await new Promise((resolve) => setTimeout(resolve, 250));
		size = procStatusMb(pid, 'VmRSS') ?? size;
		if (size < lowest - 2) lowestAt = Date.now();
		lowest = Math.min(lowest, size);
	}
	return size;
}
