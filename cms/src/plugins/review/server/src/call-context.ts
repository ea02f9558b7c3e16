/**
 * Whether code runs inside a document-service call that the review gate has seen. The gate's
 * document-service middleware marks every call it lets through; a write of a reviewed table through the
 * query engine outside such a call (and outside the trusted path) is a raw write, and is refused.
 * Like the trusted path, the store lives on `globalThis` so that every copy of this module shares it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** The document-service call in progress. */
export interface DocumentCall {
  readonly uid: string;
  readonly action: string;
}

const key = Symbol.for('govcluster.review.document-call');

function store(): AsyncLocalStorage<DocumentCall> {
  const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<DocumentCall> | undefined>;
  holder[key] ??= new AsyncLocalStorage<DocumentCall>();
  return holder[key] as AsyncLocalStorage<DocumentCall>;
}

/** Runs `fn` as the document-service call `call`. */
export function runDocumentCall<T>(call: DocumentCall, fn: () => Promise<T>): Promise<T> {
  return store().run(call, fn);
}

/** The document-service call the current code runs in, if any. */
export function documentCall(): DocumentCall | undefined {
  return store().getStore();
}
