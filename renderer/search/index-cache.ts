/**
 * The search index's cache: one serialised index (core/search `serializeIndex`) in IndexedDB,
 * so a large library loads its index (~0.4 s for 10,000 claims) instead of rebuilding it
 * (~2.5 s). The cache is a convenience: every failure (no IndexedDB, private mode, quota) reads
 * as "nothing cached" and the index is built as usual. IndexedDB is per origin: the desktop
 * app's `app://` origin keeps it across launches; the browser mode's random port does not.
 */

const DB_NAME = 'marginalia-search';
const STORE = 'indexes';
const KEY = 'annotations';

function openDb(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => { req.result.createObjectStore(STORE); };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

/** The cached serialised index, or null when there is none (or no IndexedDB). */
export async function readCachedIndex(): Promise<string | null> {
  const db = await openDb();
  if (!db) return null;
  try {
    return await new Promise<string | null>((resolve) => {
      const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
      req.onsuccess = () => resolve(typeof req.result === 'string' ? req.result : null);
      req.onerror = () => resolve(null);
    });
  } catch {
    return null;
  } finally {
    db.close();
  }
}

/** Replaces the cached index; resolves to whether it was stored. */
export async function writeCachedIndex(text: string): Promise<boolean> {
  const db = await openDb();
  if (!db) return false;
  try {
    return await new Promise<boolean>((resolve) => {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(text, KEY);
      tx.oncomplete = () => resolve(true);
      tx.onerror = () => resolve(false);
      tx.onabort = () => resolve(false);
    });
  } catch {
    return false;
  } finally {
    db.close();
  }
}
