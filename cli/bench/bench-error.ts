/** A failure the bench can explain: printed with the name of its step and no stack trace. */
export class BenchError extends Error {}
