package dev.dirprov.benchmarks;

/**
 * Keeps the body of one request, so that the first call of every contender can be checked end to end
 * outside the measured calls: {@link StubServer} for the contenders that send over a socket, the in-memory
 * {@code Client} of {@code feignCore} for the one that does not.
 */
interface RequestCapture {

  /** Keeps the body of the next request, for {@link #takeCaptured()}. */
  void captureNext();

  /** The body kept since {@link #captureNext()}, or {@code null} if no request came. */
  byte[] takeCaptured();
}
