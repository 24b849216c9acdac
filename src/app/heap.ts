import v8 from 'node:v8';

/**
 * Turns V8's allocation-site pretenuring off for the serving process. V8 watches where objects are made, and
 * when most objects from one place in the code outlive a young-generation collection it makes that place allocate
 * straight into the old generation. Heavy pages (W1: 100 collaborations with everything under them) teach it that
 * about places every request passes through (the request's records, the result objects, the log line's fields);
 * afterwards each small request's short-lived objects went to the old generation too, and small queries paid
 * a young collection of 4–7 ms every 30 ms for as long as the process lived, however long since the last heavy
 * page: W3 after a W1 run spent 65–77 µs of CPU per request instead of 42–49, and its p99 went from 2–3 ms to 7–9 ms
 * (README, HTTP figures). A full collection did not undo it; this flag does, and set here at run time it does so
 * as on the command line (measured both ways; Node warns that not every flag changed at run time takes effect,
 * so the benchmark is what shows this one does). The overlap analysis, which keeps what it builds,
 * was no slower without it (`registry analyse` of 20,000 collaborations: 2.4–2.5 s and 262 MB against 2.5–2.6 s
 * and 299–318 MB).
 */
export function tuneHeapForServing(): void {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}
