// Property tests draw from a fixed seed so that a run is reproducible; set FC_SEED to explore others
// (fast-check prints the seed and path of any counterexample it finds).
import fc from 'fast-check';

const fromEnv = typeof process !== 'undefined' ? Number(process.env?.FC_SEED) : NaN;
fc.configureGlobal({ seed: Number.isFinite(fromEnv) ? fromEnv : 20261125 });
