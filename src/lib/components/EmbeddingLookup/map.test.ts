import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitPoints, insetSegment, placeLabels, pointInDirection, type Direction } from './map.js';
import { vocabularyFor, vocabularyMap } from './lookup.js';

describe('fitPoints', () => {
	it('keeps one scale for both axes and turns y up', () => {
		// x spans 4, y spans 1; inner box 100 × 100 → scale 25 (x limits it); centre (50, 50)
		const px = fitPoints(
			[
				[0, 0],
				[4, 1]
			],
			{ width: 120, height: 120, padding: 10 }
		);
		expect(px[0]).toEqual({ x: 10, y: 72.5 });
		expect(px[1]).toEqual({ x: 110, y: 47.5 });
	});

	it('centres a single point and non-finite coordinates', () => {
		expect(fitPoints([[3, 3]], { width: 100, height: 60, padding: 5 })).toEqual([{ x: 50, y: 30 }]);
		expect(
			fitPoints(
				[
					[NaN, 1],
					[0, 0],
					[1, 1]
				],
				{ width: 100, height: 100, padding: 0 }
			)[0]
		).toEqual({ x: 50, y: 50 });
		expect(fitPoints([], { width: 10, height: 10, padding: 0 })).toEqual([]);
	});

	it('stays inside the box for any cloud', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.tuple(
						fc.double({ min: -1e6, max: 1e6, noNaN: true }),
						fc.double({ min: -1e6, max: 1e6, noNaN: true })
					),
					{
						minLength: 1,
						maxLength: 40
					}
				),
				(pts) => {
					for (const p of fitPoints(pts, { width: 300, height: 200, padding: 12 })) {
						expect(p.x).toBeGreaterThanOrEqual(12 - 1e-6);
						expect(p.x).toBeLessThanOrEqual(288 + 1e-6);
						expect(p.y).toBeGreaterThanOrEqual(12 - 1e-6);
						expect(p.y).toBeLessThanOrEqual(188 + 1e-6);
					}
				}
			)
		);
	});
});

describe('placeLabels', () => {
	const box = (l: { x: number; y: number; anchor: string }, text: string) => {
		const w = text.length * 12 * 0.6;
		const x0 = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2;
		return { x0, x1: x0 + w, y0: l.y - 9, y1: l.y + 3 };
	};

	it('places a lone label to the right of its point', () => {
		const [l] = placeLabels([{ x: 50, y: 50 }], ['cat'], { width: 200, height: 100 });
		expect(l).toMatchObject({ anchor: 'start', visible: true, leader: false });
		expect(l.x).toBe(58); // radius 5 + gap 3
	});

	it('never overlaps two visible labels, on the real vocabulary map at 360 and 800 pixels', () => {
		const vocab = vocabularyFor(7);
		const map = vocabularyMap(vocab);
		for (const width of [360, 800]) {
			const px = fitPoints(map.points, { width, height: 300, padding: 24 });
			const labels = placeLabels(px, vocab.words, { width, height: 300, forced: [0] });
			expect(labels[0].visible).toBe(true);
			const boxes = labels.flatMap((l, i) => (l.visible ? [box(l, vocab.words[i])] : []));
			expect(boxes.length).toBeGreaterThan(vocab.words.length / 2);
			for (let i = 0; i < boxes.length; i++)
				for (let j = i + 1; j < boxes.length; j++) {
					const [a, b] = [boxes[i], boxes[j]];
					expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
				}
		}
	});

	it('always shows forced labels, even when crowded', () => {
		const px = Array.from({ length: 10 }, () => ({ x: 20, y: 20 }));
		const labels = placeLabels(px, new Array(10).fill('word'), { width: 40, height: 40, forced: [7] });
		expect(labels[7].visible).toBe(true);
	});
});

describe('pointInDirection', () => {
	const plus = [
		{ x: 0, y: 0 },
		{ x: 10, y: 0 },
		{ x: -10, y: 0 },
		{ x: 0, y: -10 },
		{ x: 0, y: 10 }
	];
	it('moves to the point on that side, or stays', () => {
		expect(pointInDirection(plus, 0, 'right')).toBe(1);
		expect(pointInDirection(plus, 0, 'left')).toBe(2);
		expect(pointInDirection(plus, 0, 'up')).toBe(3);
		expect(pointInDirection(plus, 0, 'down')).toBe(4);
		expect(pointInDirection(plus, 1, 'right')).toBe(1);
		expect(pointInDirection(plus, 99, 'right')).toBe(99);
	});

	it('prefers a straight move to a nearer point off to the side', () => {
		// (5, 4): along 5 + 2·4 = 13; (12, 0): along 12 → the straight one wins
		expect(
			pointInDirection(
				[
					{ x: 0, y: 0 },
					{ x: 5, y: 4 },
					{ x: 12, y: 0 }
				],
				0,
				'right'
			)
		).toBe(2);
	});

	it('reaches every word of the vocabulary map from cat with the arrow keys', () => {
		const vocab = vocabularyFor(7);
		const px = fitPoints(vocabularyMap(vocab).points, { width: 560, height: 392, padding: 24 });
		const seen = new Set([0]);
		const queue = [0];
		while (queue.length) {
			const i = queue.shift()!;
			for (const d of ['left', 'right', 'up', 'down'] as Direction[]) {
				const j = pointInDirection(px, i, d);
				if (!seen.has(j)) {
					seen.add(j);
					queue.push(j);
				}
			}
		}
		expect(seen.size).toBe(vocab.vocabSize);
	});
});

describe('insetSegment', () => {
	it('shortens both ends along the segment', () => {
		expect(insetSegment({ x: 0, y: 0 }, { x: 10, y: 0 }, 2)).toEqual([
			{ x: 2, y: 0 },
			{ x: 8, y: 0 }
		]);
		// 3-4-5 triangle: inset 5 at each end of a length-10 segment meets in the middle
		const [a, b] = insetSegment({ x: 0, y: 0 }, { x: 6, y: 8 }, 2.5);
		expect(a.x).toBeCloseTo(1.5, 12);
		expect(a.y).toBeCloseTo(2, 12);
		expect(b.x).toBeCloseTo(4.5, 12);
		expect(b.y).toBeCloseTo(6, 12);
		expect(insetSegment({ x: 0, y: 0 }, { x: 1, y: 0 }, 2)).toEqual([
			{ x: 0, y: 0 },
			{ x: 1, y: 0 }
		]);
	});
});
