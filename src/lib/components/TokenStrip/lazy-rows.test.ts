import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv, toJson } from '../shared/export.js';
import { lazyRows } from './lazy-rows.js';

describe('lazyRows', () => {
	it('builds only the rows that are read, once each', () => {
		const made: number[] = [];
		const rows = lazyRows(100_000, (i) => {
			made.push(i);
			return { i, sq: i * i };
		});
		expect(rows.length).toBe(100_000);
		expect(Array.isArray(rows)).toBe(true);
		expect(made).toEqual([]);
		const first = rows.slice(0, 3);
		expect(first).toEqual([
			{ i: 0, sq: 0 },
			{ i: 1, sq: 1 },
			{ i: 2, sq: 4 }
		]);
		expect(rows[99_999]).toEqual({ i: 99_999, sq: 99_999 * 99_999 });
		expect(rows[1]).toBe(first[1]);
		expect(made).toEqual([0, 1, 2, 99_999]);
		expect(rows[100_000]).toBeUndefined();
		expect(rows[-1 as number]).toBeUndefined();
		expect(made).toHaveLength(4);
	});

	it('reads like the eager array it stands for (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.string(), { maxLength: 50 }), (xs) => {
				const rows = lazyRows(xs.length, (i) => ({ s: xs[i], i }));
				const eager = xs.map((s, i) => ({ s, i }));
				expect([...rows]).toEqual(eager);
				expect(rows.map((r) => r.i)).toEqual(eager.map((r) => r.i));
				expect(JSON.stringify(rows)).toBe(JSON.stringify(eager));
				expect(Object.keys(rows)).toEqual(Object.keys(eager));
				expect(rows.slice(1, 4)).toEqual(eager.slice(1, 4));
			})
		);
	});

	it('exports every row as CSV and JSON', () => {
		const columns = [
			{ key: 'i', label: '#' },
			{ key: 't', label: 'Text' }
		];
		const rows = lazyRows(3, (i) => ({ i, t: ['a', 'b,c', 'd'][i] }));
		// RFC 4180: the cell holding a comma is quoted
		expect(toCsv({ columns, rows })).toBe('#,Text\r\n0,a\r\n1,"b,c"\r\n2,d\r\n');
		expect(JSON.parse(toJson({ columns, rows }))).toEqual([
			{ i: 0, t: 'a' },
			{ i: 1, t: 'b,c' },
			{ i: 2, t: 'd' }
		]);
	});

	it('takes a bad length as empty', () => {
		for (const n of [0, -1, NaN, Infinity]) expect(lazyRows(n, (i) => i)).toHaveLength(0);
	});
});
