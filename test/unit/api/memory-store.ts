import type { ConsentStore } from "../../../src/store/cookie";

/** The consent store without a cookie jar, as klaro's TestStore: tests read and set `value` directly. */
export interface MemoryStore extends ConsentStore {
  value: string | undefined;
  /** Every value written, oldest first. */
  writes: string[];
}

export function memoryStore(value?: string): MemoryStore {
  const store: MemoryStore = {
    value,
    writes: [],
    read: () => store.value,
    write(next) {
      store.writes.push(next);
      store.value = next;
    },
  };
  return store;
}
