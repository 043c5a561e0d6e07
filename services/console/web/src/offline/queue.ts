import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { ApiError, call } from '../api';

/**
 * Records made without a connection (arrival confirmations, departures, border crossings,
 * follow-up notes): kept in IndexedDB with the Idempotency-Key they were made with, sent in the
 * order they were made when the connection returns. A record holds only what the call needs
 * (ids, dates, the note) and a short label; no names or documents. Cleared on sign-out.
 */
export interface QueuedRecord {
  seq?: number;
  idempotencyKey: string;
  path: string;
  body: unknown;
  /** What the officer sees on the row (an id and the kind of record, not person data). */
  label: string;
  kind: string;
  status: 'waiting' | 'refused';
  reason?: string;
  createdAt: string;
}

interface OfflineDb extends DBSchema {
  outbox: { key: number; value: QueuedRecord };
}

const DB_NAME = 'corridor-offline';
let database: Promise<IDBPDatabase<OfflineDb>> | undefined;
const listeners = new Set<() => void>();

function db(): Promise<IDBPDatabase<OfflineDb>> {
  database ??= openDB<OfflineDb>(DB_NAME, 1, { upgrade: (d) => d.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }) });
  return database;
}

function changed(): void {
  listeners.forEach((l) => l());
}

export function onQueueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function enqueue(record: Omit<QueuedRecord, 'status' | 'createdAt' | 'seq'>): Promise<void> {
  await (await db()).add('outbox', { ...record, status: 'waiting', createdAt: new Date().toISOString() });
  changed();
}

export async function queued(): Promise<QueuedRecord[]> {
  return (await db()).getAll('outbox');
}

export async function discard(seq: number): Promise<void> {
  await (await db()).delete('outbox', seq);
  changed();
}

let flushing: Promise<void> | undefined;

/**
 * Sends the waiting records in the order they were made, including any made while sending; stops
 * at the first one the network does not carry (the rest wait behind it, in order).
 */
export function flush(): Promise<void> {
  flushing ??= (async () => {
    try {
      const tried = new Set<number>();
      for (;;) {
        const record = (await queued()).find((r) => r.status === 'waiting' && r.seq !== undefined && !tried.has(r.seq));
        if (!record || record.seq === undefined) return;
        tried.add(record.seq);
        try {
          await call('POST', record.path, record.body, record.idempotencyKey);
          await (await db()).delete('outbox', record.seq);
        } catch (error) {
          if (error instanceof ApiError && error.problem.status >= 400 && error.problem.status < 500 && error.problem.status !== 401) {
            // Refused (the worker's state moved on meanwhile): kept on its row with the reason.
            await (await db()).put('outbox', { ...record, status: 'refused', reason: error.problem.detail ?? error.problem.title ?? String(error.problem.status) });
          } else {
            return; // offline or the service is down: try again later, in the same order
          }
        } finally {
          changed();
        }
      }
    } finally {
      flushing = undefined;
    }
  })();
  return flushing;
}

/** Sign-out: nothing of the officer's work stays in this browser. */
export async function clearOfflineStore(): Promise<void> {
  const open = database;
  database = undefined;
  if (open) (await open).close();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
  if ('caches' in window) for (const name of await caches.keys()) if (name.startsWith('corridor-lists')) await caches.delete(name);
  changed();
}

/** Writes go through here when they may be made offline: sent now if possible, else kept. */
export async function sendOrKeep(record: Omit<QueuedRecord, 'status' | 'createdAt' | 'seq'>): Promise<'sent' | 'waiting'> {
  await enqueue(record);
  if (navigator.onLine) await flush();
  return (await queued()).some((r) => r.idempotencyKey === record.idempotencyKey) ? 'waiting' : 'sent';
}

export function startBackgroundSending(): void {
  window.addEventListener('online', () => void flush());
  setInterval(() => navigator.onLine && void flush(), 15_000);
  void flush();
}
