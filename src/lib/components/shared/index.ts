export { default as Figure } from './Figure.svelte';
export { default as DataTable } from './DataTable.svelte';
export { default as ExportMenu } from './ExportMenu.svelte';
export { default as Badge } from './Badge.svelte';
export { default as Slider } from './Slider.svelte';
export { InView } from './in-view.svelte.js';
export * from './export.js';
