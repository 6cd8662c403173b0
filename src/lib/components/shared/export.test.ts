import { describe, expect, it } from 'vitest';
import { toCsv, toJson } from './export.js';

describe('toCsv', () => {
	it('writes a header and quotes cells that need it (RFC 4180)', () => {
		const csv = toCsv({
			columns: [
				{ key: 'id', label: 'ID' },
				{ key: 'text', label: 'Token, text' }
			],
			rows: [
				{ id: 15339, text: 'hello' },
				{ id: 1917, text: ' world' },
				{ id: 1, text: 'say "hi"\n' }
			]
		});
		expect(csv).toBe('ID,"Token, text"\r\n15339,hello\r\n1917," world"\r\n1,"say ""hi""\n"\r\n');
	});
	it('leaves empty cells for missing values', () => {
		expect(toCsv({ columns: [{ key: 'a', label: 'a' }], rows: [{}, { a: null }] })).toBe('a\r\n\r\n\r\n');
	});
});

describe('toJson', () => {
	it('keeps only the columns and spells non-finite numbers out', () => {
		const json = toJson({ columns: [{ key: 'x', label: 'x' }], rows: [{ x: NaN, y: 2 }, { x: 1.5 }] });
		expect(JSON.parse(json)).toEqual([{ x: 'NaN' }, { x: 1.5 }]);
	});
});
