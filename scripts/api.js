// Reads every component's `types.ts` and returns its documented props: name, type, default and
// description, from the `interface <Name>Props` doc comments. The reference pages are generated
// from this, so the tables cannot drift from the source.
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** @param {string} root repository root */
export function collectApi(root) {
	const dir = join(root, 'src/lib/components');
	const out = {};
	for (const name of readdirSync(dir).sort()) {
		const file = join(dir, name, 'types.ts');
		if (!/^[A-Z]/.test(name) || !existsSync(file)) continue;
		const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
		const props = [];
		let description = '';
		src.forEachChild((node) => {
			if (!ts.isInterfaceDeclaration(node) || node.name.text !== `${name}Props`) return;
			description = docText(node);
			for (const m of node.members) {
				if (!ts.isPropertySignature(m) && !ts.isMethodSignature(m)) continue;
				const tags = ts.getJSDocTags(m);
				const def = tags.find((t) => t.tagName.text === 'default');
				props.push({
					name: m.name.getText(src),
					type: m.type ? m.type.getText(src).replace(/\s+/g, ' ') : 'unknown',
					optional: !!m.questionToken,
					default: def ? String(ts.getTextOfJSDocComment(def.comment) ?? '').trim() : undefined,
					description: docText(m),
					bindable: /Bindable\./.test(docText(m)),
					kind: /^on[A-Z]/.test(m.name.getText(src))
						? 'event'
						: /Snippet</.test(m.type?.getText(src) ?? '')
							? 'snippet'
							: 'prop'
				});
			}
		});
		const view = join(dir, name, `${name}.svelte`);
		const css = existsSync(view)
			? [...new Set([...readFileSync(view, 'utf8').matchAll(/var\((--la-[\w-]+)/g)].map((m) => m[1]))].sort()
			: [];
		out[name] = { name, description, props, cssVariables: css };
	}
	return out;
}

function docText(node) {
	const docs = node.jsDoc ?? [];
	return docs
		.map((d) => (typeof d.comment === 'string' ? d.comment : (ts.getTextOfJSDocComment(d.comment) ?? '')))
		.join('\n')
		.trim();
}

/**
 * Lists the public exports of llm-anatomy/core with their kind, signature and the first paragraph of
 * their TSDoc, grouped by the module that defines them.
 * @param {string} root repository root
 */
export function collectCoreApi(root) {
	const entry = join(root, 'src/lib/core/index.ts');
	const program = ts.createProgram([entry], {
		target: ts.ScriptTarget.ES2022,
		module: ts.ModuleKind.ESNext,
		moduleResolution: ts.ModuleResolutionKind.Bundler,
		strict: true,
		skipLibCheck: true,
		noEmit: true,
		types: []
	});
	const checker = program.getTypeChecker();
	const src = program.getSourceFile(entry);
	const mod = src && checker.getSymbolAtLocation(src);
	if (!mod) return [];
	const out = [];
	for (const exp of checker.getExportsOfModule(mod)) {
		const sym = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
		const decl = sym.declarations?.[0];
		if (!decl) continue;
		const file = decl
			.getSourceFile()
			.fileName.replace(join(root, 'src/lib/core') + '/', '')
			.replace(/\.ts$/, '');
		let kind = 'value';
		let signature = '';
		if (sym.flags & ts.SymbolFlags.Function) {
			kind = 'function';
			const type = checker.getTypeOfSymbolAtLocation(sym, decl);
			signature = type
				.getCallSignatures()
				.map((s) => `${exp.name}${checker.signatureToString(s, undefined, ts.TypeFormatFlags.NoTruncation)}`)
				.join('\n');
		} else if (sym.flags & ts.SymbolFlags.Class) kind = 'class';
		else if (sym.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) kind = 'type';
		else if (sym.flags & ts.SymbolFlags.Variable) {
			kind = 'const';
			signature = `${exp.name}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(sym, decl), undefined, ts.TypeFormatFlags.NoTruncation)}`;
			if (signature.length > 240) signature = signature.slice(0, 237) + '…';
		}
		const doc = ts
			.displayPartsToString(sym.getDocumentationComment(checker))
			.split(/\n\s*\n/)[0]
			.trim();
		out.push({ name: exp.name, module: file, kind, signature, doc });
	}
	return out.sort((a, b) => a.module.localeCompare(b.module) || a.name.localeCompare(b.name));
}
