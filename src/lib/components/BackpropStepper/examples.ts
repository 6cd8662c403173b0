/**
 * The default training example of BackpropStepper: the context "Three, two, one…" stands as two
 * input numbers, and a network with one hidden layer of two tanh units scores three candidate next
 * tokens. With seed 4 the untrained network prefers "liftoff", so training towards "zero" (or
 * "go") visibly moves probability.
 */
export const DEFAULT_CONTEXT = 'Three, two, one…';
export const DEFAULT_INPUT: readonly number[] = [0.8, -0.4];
export const DEFAULT_INPUT_LABELS: readonly string[] = ['x₁', 'x₂'];
export const DEFAULT_TOKENS: readonly string[] = ['zero', 'liftoff', 'go'];
export const DEFAULT_SEED = 4;
export const DEFAULT_HIDDEN = 2;
export const DEFAULT_LR = 0.5;
/** Most units drawn per layer; the diagram stays legible at 360 px up to this width. */
export const MAX_UNITS = 6;
