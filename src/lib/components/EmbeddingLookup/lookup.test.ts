import { describe, expect, it } from 'vitest';
import { lookup } from '../../core/embeddings/table.js';
import { TOY_WORDS } from '../../core/embeddings/vocabulary.js';
import { clampInt, cleanText, neighboursOf, resolveWord, rowVector, solve, vocabularyFor } from './lookup.js';

const vocab = vocabularyFor(7);

describe('resolveWord', () => {
	it('finds a word case-insensitively, trimmed, at its row in the vocabulary', () => {
		const cat = TOY_WORDS.findIndex((w) => w.word === 'cat');
		expect(resolveWord(vocab, 'cat')).toEqual({ status: 'ok', row: cat, word: 'cat', text: 'cat' });
		expect(resolveWord(vocab, '  Cat ')).toMatchObject({ status: 'ok', row: cat, word: 'cat' });
		const queen = TOY_WORDS.findIndex((w) => w.word === 'queen');
		expect(resolveWord(vocab, 'QUEEN')).toMatchObject({ status: 'ok', row: queen });
	});

	it('reports empty and unknown input instead of throwing', () => {
		expect(resolveWord(vocab, '')).toEqual({ status: 'empty', text: '' });
		expect(resolveWord(vocab, '   ')).toEqual({ status: 'empty', text: '' });
		expect(resolveWord(vocab, undefined)).toEqual({ status: 'empty', text: '' });
		expect(resolveWord(vocab, 'unicorn')).toEqual({ status: 'unknown', text: 'unicorn' });
		expect(resolveWord(vocab, 42)).toEqual({ status: 'unknown', text: '42' });
		expect(cleanText('x'.repeat(10_000)).length).toBe(200);
	});

	it('the same token always maps to the same row and the same vector', () => {
		for (const w of vocab.words) {
			const a = resolveWord(vocab, w);
			const b = resolveWord(vocabularyFor(7), w.toUpperCase());
			expect(a.status === 'ok' && b.status === 'ok' && a.row === b.row).toBe(true);
			if (a.status === 'ok')
				expect(rowVector(vocab, a.row, 28)).toEqual(rowVector(vocabularyFor(7), a.row, 28));
		}
	});
});

describe('rowVector and neighboursOf', () => {
	it('cuts the row to the dimensions asked for', () => {
		const full = Array.from(lookup(vocab, 3));
		expect(rowVector(vocab, 3, 28)).toEqual(full);
		expect(rowVector(vocab, 3, 5)).toEqual(full.slice(0, 5));
	});
	it('leaves the word itself out of its neighbours', () => {
		const near = neighboursOf(vocab, 0, 5);
		expect(near).toHaveLength(5);
		expect(near.map((n) => n.id)).not.toContain(0);
	});
});

describe('clampInt and vocabularyFor', () => {
	it('clamps, rounds and replaces NaN', () => {
		expect(clampInt(NaN, 1, 28, 28)).toBe(28);
		expect(clampInt(-3, 1, 28, 28)).toBe(1);
		expect(clampInt(1e9, 1, 28, 28)).toBe(28);
		expect(clampInt(Infinity, 1, 28, 5)).toBe(28);
		expect(clampInt(-Infinity, 1, 28, 5)).toBe(1);
		expect(clampInt(4.6, 1, 28, 28)).toBe(5);
		expect(clampInt('7' as never, 1, 28, 3)).toBe(3);
	});
	it('falls back to the default seed for a NaN seed', () => {
		expect(vocabularyFor(NaN).rows).toEqual(vocabularyFor(7).rows);
		expect(vocabularyFor(-1).seed).toBe(0);
	});
});

describe('solve', () => {
	it('king − man + woman ≈ queen; kitten − cat + dog ≈ puppy (the core guarantees both)', () => {
		const r1 = solve(vocab, { a: 'man', b: 'king', c: 'woman' });
		expect(r1.status === 'ok' && r1.answer.word).toBe('queen');
		const r2 = solve(vocab, { a: 'Cat', b: 'kitten ', c: 'dog' });
		expect(r2.status === 'ok' && r2.answer.word).toBe('puppy');
		expect(r2.status === 'ok' && r2.rows.map((r) => vocab.words[r])).toEqual(['cat', 'kitten', 'dog']);
	});
	it('names the unknown word', () => {
		expect(solve(vocab, { a: 'man', b: 'unicorn', c: 'woman' })).toEqual({
			status: 'unknown',
			word: 'unicorn'
		});
		expect(solve(vocab, { a: '', b: 'king', c: 'woman' })).toEqual({ status: 'unknown', word: '' });
	});
});
