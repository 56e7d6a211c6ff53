// terser names a file's local variables a, b, c… with the letters in the order
// of how often each appears in the file (its `base54`). A mangle list's
// "locals" gives that order instead, for the one file it was chosen on: like
// its "names", found by trying swaps and keeping those that made the file
// compress better (brotli). Any order renames the same locals, as safely.
// Kept beside the mangle lists it reads; used by esbuild.config.mjs and by
// test/bench/core-parts.mjs, which builds the core as the build does.

const FIRST = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ$_";

/** terser's `mangle.nth_identifier` for an order of the 54 letters a name may start with. */
export function localNames(order) {
  // A letter given twice would give two variables of one scope the same name.
  if ([...order].sort().join("") != [...FIRST].sort().join("")) throw new Error(`"locals" must hold each of ${FIRST} once: ${order}`);
  const first = [...order];
  // As terser's own: after the first, a name's letters may be digits too.
  const rest = [...first, ..."0123456789"];
  return {
    get(n) {
      let name = "";
      let base = 54;
      n++;
      do {
        n--;
        name += (base == 54 ? first : rest)[n % base];
        n = Math.floor(n / base);
        base = 64;
      } while (n > 0);
      return name;
    },
  };
}
