/**
 * Bind group layouts read from the WGSL source, so that a kernel's bindings are declared once (in
 * the shader) and the JavaScript side cannot drift from them.
 *
 * Only the declarations our kernels use are understood: `var<uniform>`, `var<storage, read>` and
 * `var<storage, read_write>` in group 0, each preceded by `@group(G) @binding(B)`.
 */
import { AnatomyError } from '../../errors.js';

/** One resource binding declared in WGSL. */
export interface WgslBinding {
	readonly group: number;
	readonly binding: number;
	readonly name: string;
	/** `uniform`, `read-only-storage` or `storage` (read_write), as in `GPUBufferBindingLayout.type`. */
	readonly type: GPUBufferBindingType;
}

// Shader stage bit for compute (GPUShaderStage.COMPUTE = 4); a literal, since the GPUShaderStage
// global does not exist outside browsers.
const COMPUTE_STAGE = 4;

const DECL =
	/@group\(\s*(\d+)\s*\)\s*@binding\(\s*(\d+)\s*\)\s*var\s*<\s*(uniform|storage)\s*(?:,\s*(read|read_write)\s*)?>\s*([A-Za-z_][A-Za-z0-9_]*)/g;

/** Strips `//` and (non-nested) block comments so that commented-out bindings are ignored. */
function stripComments(src: string): string {
	return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}

/**
 * Lists the buffer bindings of a WGSL module, sorted by group then binding. Throws
 * `invalid-config` on a duplicate binding or a declaration it does not understand.
 */
export function parseWgslBindings(wgsl: string): WgslBinding[] {
	const src = stripComments(wgsl);
	const out: WgslBinding[] = [];
	const seen = new Set<string>();
	for (const m of src.matchAll(DECL)) {
		const [, g, b, space, access, name] = m;
		const type: GPUBufferBindingType =
			space === 'uniform' ? 'uniform' : access === 'read_write' ? 'storage' : 'read-only-storage';
		const key = `${g}:${b}`;
		if (seen.has(key))
			throw new AnatomyError('invalid-config', `WGSL declares @group(${g}) @binding(${b}) twice`);
		seen.add(key);
		out.push({ group: Number(g), binding: Number(b), name, type });
	}
	const declared = (src.match(/@binding\(/g) ?? []).length;
	if (declared !== out.length) {
		throw new AnatomyError(
			'invalid-config',
			`WGSL has ${declared} @binding declarations but only ${out.length} are buffer bindings this parser understands`
		);
	}
	return out.sort((x, y) => x.group - y.group || x.binding - y.binding);
}

/** Bind group layout entries for one group, derived from {@link parseWgslBindings}. */
export function layoutEntries(bindings: readonly WgslBinding[], group = 0): GPUBindGroupLayoutEntry[] {
	return bindings
		.filter((b) => b.group === group)
		.map((b) => ({ binding: b.binding, visibility: COMPUTE_STAGE, buffer: { type: b.type } }));
}
