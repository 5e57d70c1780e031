/**
 * Observable Plot behind one module of ours, so that the dynamic import in chart.tsx gives its chunk a
 * recognisable name (`plot-….js`) in the build output; nothing else may import this file statically.
 */
export * from '@observablehq/plot';
