/**
 * Virtualised rendering of a token strip: a text of more than `FLOW_LIMIT` tokens is cut into
 * blocks of `BLOCK_TOKENS`, and only the blocks that meet the scroll container's viewport (plus
 * half a viewport above and below) are in the DOM, with spacers standing for the others. Each
 * rendered block is measured with a ResizeObserver; unmeasured blocks are estimated from the
 * measured pixels per token (see `blocks.ts`).
 *
 * The scroll position is anchored on the first block visible at the top of the viewport: whenever
 * a measurement replaces an estimate, that block keeps its place on screen (or the strip stays
 * scrolled to its end when it was there). Browser scroll anchoring is turned off on the container
 * (`overflow-anchor: none`) so that the two never correct the same change twice.
 *
 * Order of work in a frame: a scroll event records the anchor and widens the rendered range;
 * Svelte renders the new blocks in a microtask; layout; the ResizeObserver reports their heights,
 * the spacers take the new sizes at once (`flushSync`) and the anchor is restored, all before
 * paint. Blocks are only added from scroll events or a requestAnimationFrame callback, never from
 * inside the ResizeObserver callback, so that no observation is left undelivered.
 */
import { flushSync, untrack } from 'svelte';
import { BLOCK_TOKENS, BlockLayout, FLOW_LIMIT } from './blocks.js';

/**
 * One rendered block: its index and its tokens [start, end). The same object is handed out while
 * these stay the same, so that a keyed `{#each}` leaves the block's chips alone.
 */
export interface RenderedBlock {
	readonly b: number;
	readonly start: number;
	readonly end: number;
}

/** What to render: a spacer of `before` px, then each block followed by a spacer of `after[i]` px. */
export interface StripView {
	before: number;
	blocks: RenderedBlock[];
	after: number[];
}

export interface VirtualStripOptions {
	/** Number of tokens in the strip. */
	tokens: () => number;
	/** A token whose block stays rendered wherever the strip is scrolled (the selection), or -1. */
	pinned?: () => number;
	/** Tokens shown as one flowing list without blocks. @default FLOW_LIMIT */
	flowLimit?: number;
	/** Tokens per block. @default BLOCK_TOKENS */
	blockTokens?: number;
}

type Anchor = { end: true } | { end: false; block: number; offset: number };

export class VirtualStrip {
	#tokens: () => number;
	#pinned: () => number;
	#size: number;
	#flowLimit: number;
	/** Measured heights by block (NaN: not measured); bumping `#version` publishes a change. */
	#heights: number[] = [];
	#version = $state(0);
	#first = $state(0);
	#last = $state(0);
	#scroller: HTMLElement | null = null;
	#observer: ResizeObserver | null = null;
	#anchor: Anchor = { end: false, block: 0, offset: 0 };
	/** The scroll position when the anchor was taken or restored. */
	#anchorTop = 0;
	#frame = 0;
	#width = -1;
	#pad = 0;
	// a plain cache read only inside `view`, never a source of reactivity
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#rendered = new Map<number, RenderedBlock>();

	constructor(options: VirtualStripOptions) {
		this.#tokens = options.tokens;
		this.#pinned = options.pinned ?? (() => -1);
		this.#size = options.blockTokens ?? BLOCK_TOKENS;
		this.#flowLimit = options.flowLimit ?? FLOW_LIMIT;
	}

	/** Whether the strip is cut into blocks (more tokens than the flow limit). */
	readonly virtual: boolean = $derived.by(() => this.#tokens() > this.#flowLimit);

	/** Block heights and offsets from the current measurements. */
	readonly layout: BlockLayout = $derived.by(() => {
		void this.#version;
		return new BlockLayout(this.virtual ? this.#tokens() : 0, this.#heights, this.#size);
	});

	/** The blocks to render and the spacers between them. */
	readonly view: StripView = $derived.by(() => {
		const n = this.#tokens();
		if (!this.virtual) {
			const blocks = n > 0 ? [this.#block(0, 0, n)] : [];
			return { before: 0, blocks, after: blocks.map(() => 0) };
		}
		const l = this.layout;
		const first = Math.min(l.count - 1, Math.max(0, this.#first));
		const last = Math.min(l.count - 1, Math.max(first, this.#last));
		const list: number[] = [];
		for (let b = first; b <= last; b++) list.push(b);
		const p = this.#pinned();
		if (p >= 0 && p < n) {
			const pb = l.blockOf(p);
			if (pb < first) list.unshift(pb);
			else if (pb > last) list.push(pb);
		}
		const blocks = list.map((b) => this.#block(b, l.start(b), l.start(b) + l.tokensIn(b)));
		const after = list.map((b, i) => {
			const next = i + 1 < list.length ? l.top(list[i + 1]) : l.total();
			return Math.max(0, next - l.top(b) - l.height(b));
		});
		return { before: l.top(list[0]), blocks, after };
	});

	/** The block object for (b, start, end): the previous one when unchanged. */
	#block(b: number, start: number, end: number): RenderedBlock {
		const old = this.#rendered.get(b);
		if (old && old.start === start && old.end === end) return old;
		if (this.#rendered.size > 64) this.#rendered.clear();
		const fresh = { b, start, end };
		this.#rendered.set(b, fresh);
		return fresh;
	}

	/**
	 * Tokens in one viewport of the strip, at least 20 (the step of Page Up / Page Down); 20 when
	 * the strip does not scroll.
	 */
	pageTokens(): number {
		return untrack(() => this.#pageTokens());
	}

	#pageTokens(): number {
		const sc = this.#scroller;
		const n = this.#tokens();
		if (!sc || sc.scrollHeight <= sc.clientHeight + 1 || n === 0) return 20;
		const perToken = this.virtual ? this.layout.perToken : sc.scrollHeight / n;
		return Math.max(20, Math.floor(sc.clientHeight / Math.max(perToken, 1e-3)));
	}

	/** Attachment for the scroll container (the element with a bounded height and overflow). */
	readonly scroller = (el: HTMLElement) =>
		untrack(() => {
			this.#scroller = el;
			this.#heights = [];
			this.#version++;
			this.#first = 0;
			this.#last = 0;
			this.#anchor = { end: false, block: 0, offset: 0 };
			this.#anchorTop = 0;
			this.#pad = parseFloat(getComputedStyle(el).paddingTop) || 0;
			this.#width = el.clientWidth;
			const onscroll = () => {
				this.#capture();
				this.#updateRange();
			};
			el.addEventListener('scroll', onscroll, { passive: true });
			this.#updateRange();
			return () => {
				el.removeEventListener('scroll', onscroll);
				cancelAnimationFrame(this.#frame);
				this.#frame = 0;
				this.#observer?.disconnect();
				this.#observer = null;
				if (this.#scroller === el) this.#scroller = null;
			};
		});

	/** Attachment for each rendered block (only while the strip is virtual): measures it. */
	readonly block = (el: HTMLElement) => {
		const ro = (this.#observer ??= new ResizeObserver(() => this.#measure()));
		ro.observe(el);
		return () => ro.unobserve(el);
	};

	/**
	 * Scrolls token `index` into view (nearest edge, as `scrollIntoView` does), once its block is
	 * rendered. Returns whether the token was found in the DOM.
	 */
	reveal(index: number): boolean {
		// called from effects: what it reads must not make them run again
		return untrack(() => this.#reveal(index));
	}

	#reveal(index: number): boolean {
		const sc = this.#scroller;
		const el = sc?.querySelector<HTMLElement>(`[data-index="${index}"]`);
		if (!sc || !el) return false;
		el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
		this.#capture();
		this.#updateRange();
		return true;
	}

	#blocks(): HTMLElement[] {
		return this.#scroller ? [...this.#scroller.querySelectorAll<HTMLElement>(':scope > [data-block]')] : [];
	}

	/**
	 * Records which block is at the top of the viewport and how far into it the viewport starts,
	 * when the strip has been scrolled since the anchor was last taken or restored. (Retaking it
	 * without a scroll could read a layout with newly rendered blocks not yet measured.)
	 */
	#capture() {
		const sc = this.#scroller;
		if (!sc || !this.virtual) return;
		const y = sc.scrollTop;
		if (Math.abs(y - this.#anchorTop) <= 1) return;
		if (y > 0 && y >= sc.scrollHeight - sc.clientHeight - 1) {
			this.#anchorTop = y;
			this.#anchor = { end: true };
			return;
		}
		this.#anchorTop = y;
		for (const el of this.#blocks()) {
			const top = el.offsetTop;
			if (top + el.offsetHeight <= y) continue;
			// the first rendered block that reaches below the viewport's top, if it is in view
			if (top < y + sc.clientHeight) {
				this.#anchor = { end: false, block: Number(el.dataset.block), offset: y - top };
				return;
			}
			break;
		}
		// the viewport shows only a spacer: anchor on the estimated block there
		const l = this.layout;
		const b = l.blockAt(y - this.#pad);
		this.#anchor = { end: false, block: b, offset: y - this.#pad - l.top(b) };
	}

	/** Puts the anchored block back where it was on screen. */
	#restore() {
		const sc = this.#scroller;
		if (!sc) return;
		const a = this.#anchor;
		let y: number;
		if (a.end) y = sc.scrollHeight - sc.clientHeight;
		else {
			const el = sc.querySelector<HTMLElement>(`:scope > [data-block="${a.block}"]`);
			y = el ? el.offsetTop + a.offset : this.#pad + this.layout.top(a.block) + a.offset;
		}
		if (Math.abs(sc.scrollTop - y) >= 1) sc.scrollTop = y;
		this.#anchorTop = sc.scrollTop;
	}

	/** Renders the blocks that meet the viewport ± half a viewport; keeps those within a viewport. */
	#updateRange() {
		const sc = this.#scroller;
		if (!sc || !this.virtual) return;
		const l = this.layout;
		const h = sc.clientHeight || 384;
		const over = Math.max(100, h / 2);
		const y = sc.scrollTop - this.#pad;
		let first = l.blockAt(y - over);
		let last = l.blockAt(y + h + over);
		// hysteresis: a block already rendered stays while it is within twice the overscan
		if (this.#first < first && this.#first >= l.blockAt(y - 2 * over)) first = this.#first;
		if (this.#last > last && this.#last <= l.blockAt(y + h + 2 * over)) last = this.#last;
		if (first !== this.#first) this.#first = first;
		if (last !== this.#last) this.#last = last;
	}

	/** ResizeObserver callback: new heights for the rendered blocks, then the anchor restored. */
	#measure() {
		const sc = this.#scroller;
		if (!sc || !this.virtual) return;
		if (sc.clientWidth !== this.#width) {
			// lines wrap differently at another width: earlier measurements no longer hold
			this.#width = sc.clientWidth;
			this.#heights = [];
		}
		let changed = false;
		for (const el of this.#blocks()) {
			const b = Number(el.dataset.block);
			const h = el.getBoundingClientRect().height;
			if (this.#heights[b] !== h) {
				this.#heights[b] = h;
				changed = true;
			}
		}
		if (!changed) return;
		// scrolled since the anchor was taken, and the scroll event is still to come: anchor on where
		// the reader scrolled to, in the layout they scrolled in (spacers not yet resized)
		this.#capture();
		this.#version++;
		flushSync();
		this.#restore();
		// more blocks may now be needed: add them next frame, outside this callback
		cancelAnimationFrame(this.#frame);
		this.#frame = requestAnimationFrame(() => {
			this.#frame = 0;
			this.#capture();
			this.#updateRange();
		});
	}
}
