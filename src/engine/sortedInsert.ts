// An edit changes a few items of a folder's long sorted lists (entities, facts): putting those in place
// costs a binary search each, where sorting the whole list again costs the folder's size every edit.

/** Inserts each item into `sorted` (ascending by `compare`) after any equal ones, so ties keep their order. */
export function insertSorted<T>(sorted: T[], items: Iterable<T>, compare: (a: T, b: T) => number): void {
  for (const item of items) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(sorted[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    sorted.splice(lo, 0, item);
  }
}
