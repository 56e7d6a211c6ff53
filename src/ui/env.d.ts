/** The first layer's minified stylesheet (tokens, base, banner), inlined by the build (esbuild.config.mjs). */
declare const __CSS__: string;
/** The rest of the stylesheet (preferences, placeholder, reopen button), inlined into the views' chunk. */
declare const __CSS_VIEWS__: string;
