/**
 * The two queue shapes vendors' snippets create before their script loads.
 * Stubs install the same shape, so the snippet (which reuses an existing
 * global) and the vendor's script (which drains it) adopt what was queued.
 */

type Win = Window & Record<string, any>;

/** `w[name](…)` pushes its `arguments` onto `w[name].q` (Hotjar, Clarity). */
export function queueFunction(w: Win, name: string): void {
  w[name] =
    w[name] ||
    function () {
      (w[name].q = w[name].q || []).push(arguments);
    };
}

/** Each method pushes `[method, ...args]` onto the array it lives on (Mixpanel, TikTok). */
export function queueArray(target: any[] & Record<string, any>, methods: string): void {
  for (const method of methods.split(" ")) {
    target[method] =
      target[method] ||
      function () {
        target.push([method, ...arguments]);
      };
  }
}
