/**
 * Presentation helpers of TrainingCurve: phases of a run's history, thinning a long series to
 * what a chart can show without losing its spikes, and finding the point nearest a step. The loss
 * values themselves come from the core's weight-field run.
 */
import type { WeightFieldHistoryPoint, WeightFieldTrainStage } from '../../core/train/weightfield/run.js';

/** A contiguous stretch of the history in one stage. */
export interface CurvePhase {
	stage: WeightFieldTrainStage;
	/** First and last step of the phase. */
	startStep: number;
	endStep: number;
	/** Index range in the cleaned history, inclusive. */
	startIndex: number;
	endIndex: number;
}

const TRAIN_STAGES: readonly string[] = ['pretrain', 'finetune-full', 'finetune-lora'];

/** The result of {@link cleanHistory}. */
export interface CleanHistory {
	points: WeightFieldHistoryPoint[];
	/** Entries dropped: not an object, a non-finite step or loss, an unknown stage, or out of step order. */
	dropped: number;
}

/**
 * Keeps the entries a chart can draw: finite step and loss, a training stage, steps strictly
 * increasing. A non-finite validation loss is kept as NaN (that point has no validation mark).
 */
export function cleanHistory(history: readonly unknown[] | null | undefined): CleanHistory {
	const points: WeightFieldHistoryPoint[] = [];
	let dropped = 0;
	if (!Array.isArray(history)) return { points, dropped: 0 };
	let last = -Infinity;
	for (const raw of history) {
		const p = raw as Partial<WeightFieldHistoryPoint> | null;
		if (
			!p ||
			typeof p !== 'object' ||
			typeof p.step !== 'number' ||
			!Number.isFinite(p.step) ||
			typeof p.loss !== 'number' ||
			!Number.isFinite(p.loss) ||
			!TRAIN_STAGES.includes(p.stage as string) ||
			p.step <= last
		) {
			dropped++;
			continue;
		}
		last = p.step;
		points.push({
			step: p.step,
			stage: p.stage as WeightFieldTrainStage,
			loss: p.loss,
			valLoss: typeof p.valLoss === 'number' && Number.isFinite(p.valLoss) ? p.valLoss : NaN,
			evaluated: !!p.evaluated,
			lr: typeof p.lr === 'number' ? p.lr : NaN,
			gradNorm: typeof p.gradNorm === 'number' ? p.gradNorm : NaN,
			updateStrength: typeof p.updateStrength === 'number' ? p.updateStrength : NaN
		});
	}
	return { points, dropped };
}

/** Splits a history into phases of consecutive points in the same stage. */
export function phasesOf(points: readonly WeightFieldHistoryPoint[]): CurvePhase[] {
	const out: CurvePhase[] = [];
	points.forEach((p, i) => {
		const cur = out[out.length - 1];
		if (cur && cur.stage === p.stage) {
			cur.endStep = p.step;
			cur.endIndex = i;
		} else out.push({ stage: p.stage, startStep: p.step, endStep: p.step, startIndex: i, endIndex: i });
	});
	return out;
}

/**
 * Indices of at most about `max` points that keep the shape of `values`: the series is cut into
 * buckets and each keeps its first, lowest and highest point (in index order), so spikes survive.
 * Short series come back whole.
 */
export function thin(values: readonly number[], max: number): number[] {
	const n = values.length;
	const cap = Math.max(3, Math.floor(max));
	if (n <= cap) return Array.from({ length: n }, (_, i) => i);
	const buckets = Math.max(1, Math.floor(cap / 3));
	const size = n / buckets;
	const out: number[] = [];
	for (let b = 0; b < buckets; b++) {
		const start = Math.floor(b * size);
		const end = Math.min(n, Math.floor((b + 1) * size));
		if (end <= start) continue;
		let lo = start;
		let hi = start;
		for (let i = start; i < end; i++) {
			if (values[i] < values[lo]) lo = i;
			if (values[i] > values[hi]) hi = i;
		}
		for (const i of [start, lo, hi].sort((a, c) => a - c)) if (out[out.length - 1] !== i) out.push(i);
	}
	if (out[out.length - 1] !== n - 1) out.push(n - 1);
	return out;
}

/** Index of the point whose step is nearest to `step` (ties go to the earlier point); -1 when empty. */
export function nearestIndex(points: readonly { step: number }[], step: number): number {
	if (points.length === 0 || !Number.isFinite(step)) return points.length ? 0 : -1;
	let lo = 0;
	let hi = points.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (points[mid].step < step) lo = mid + 1;
		else hi = mid;
	}
	if (lo > 0 && step - points[lo - 1].step <= points[lo].step - step) return lo - 1;
	return lo;
}
