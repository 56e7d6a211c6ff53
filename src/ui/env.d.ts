/** The minified stylesheet, inlined by the build (esbuild.config.mjs). */
declare const __CSS__: string;
