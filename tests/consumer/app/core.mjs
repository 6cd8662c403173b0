import { countParameters, loadTokenizer, MODELS } from 'llm-anatomy/core';

const tok = await loadTokenizer('o200k_base');
const ids = tok.encode('hello world');
const gpt2 = countParameters(MODELS['gpt2']).total;
console.log(JSON.stringify({ ids, gpt2 }));
