/**
 * Turning what a reader chose (a catalogue id, a pasted config.json, or a config object passed as
 * a prop) into a normalised model config, without ever throwing: every failure becomes a message
 * the view shows inline. Shared by the model-driven figures (KVCacheMeter, QuantMatrix,
 * DecoderBlock).
 */
import { AnatomyError } from '../../core/errors.js';
import { findModel, resolveModel, type CatalogueEntry } from '../../core/models/catalogue.js';
import type { HfConfig, ModelConfig } from '../../core/models/config.js';

/** What a model prop may hold: a catalogue id (or Hugging Face repository), or a config object. */
export type ModelInput = string | HfConfig | ModelConfig;

/** The outcome of {@link resolveModelInput}. */
export type ModelResolution =
	| {
			ok: true;
			config: ModelConfig;
			/** The catalogue entry when the input named one, else null (a pasted config). */
			entry: CatalogueEntry | null;
	  }
	| { ok: false; message: string };

/** Resolves a model input; an unknown id or an invalid config becomes `{ ok: false, message }`. */
export function resolveModelInput(input: unknown): ModelResolution {
	try {
		if (typeof input === 'string') {
			const entry = findModel(input) ?? null;
			return { ok: true, config: resolveModel(input), entry };
		}
		if (input === null || typeof input !== 'object' || Array.isArray(input)) {
			return {
				ok: false,
				message: 'a model must be a catalogue id or a config.json object'
			};
		}
		return { ok: true, config: resolveModel(input as HfConfig), entry: null };
	} catch (e) {
		return { ok: false, message: e instanceof AnatomyError ? e.message : String(e) };
	}
}

/** The outcome of {@link parseConfigText}. */
export type ConfigTextResult =
	{ ok: true; value: HfConfig } | { ok: false; reason: 'empty' | 'json' | 'not-object'; detail: string };

/**
 * Parses pasted config.json text. Empty text, invalid JSON and JSON that is not an object are
 * reported with a reason; the config's fields are checked later by {@link resolveModelInput}.
 */
export function parseConfigText(text: string): ConfigTextResult {
	if (!text.trim()) return { ok: false, reason: 'empty', detail: '' };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		return { ok: false, reason: 'json', detail: e instanceof Error ? e.message : String(e) };
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		return { ok: false, reason: 'not-object', detail: JSON.stringify(value) ?? String(value) };
	}
	return { ok: true, value: value as HfConfig };
}

/** Pretty JSON of a model input, to prefill the config text box. */
export function configText(input: ModelInput): string {
	if (typeof input === 'string') {
		const entry = findModel(input);
		return entry ? JSON.stringify(entry.hf, null, 2) : '';
	}
	return JSON.stringify(input, null, 2);
}
