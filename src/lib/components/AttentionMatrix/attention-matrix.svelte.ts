/**
 * Behaviour of AttentionMatrix kept out of the view: the focused cell of the weights map (roving
 * focus) and the cell under the pointer, which drive the readout without redrawing the map.
 */
import { clampCell, type Cell } from './grid.js';

export class MapCursor {
	/** The cell that last held keyboard focus or a click; null until then. */
	active: Cell | null = $state(null);
	/** The cell under the pointer or keyboard focus, read out in words; null when none. */
	hover: Cell | null = $state(null);

	/** The focused cell inside an n × n map, starting on row `row` when nothing was focused yet. */
	activeIn(n: number, row: number): Cell {
		return clampCell(this.active ?? { row, col: 0 }, n);
	}

	/** The hovered cell if it is inside an n × n map. */
	hoverIn(n: number): Cell | null {
		return this.hover && this.hover.row < n && this.hover.col < n ? this.hover : null;
	}
}
