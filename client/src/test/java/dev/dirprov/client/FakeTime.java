package dev.dirprov.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when the client sleeps, recording every wait, so tests never sleep. */
final class FakeTime extends Clock implements RateLimitAwareRetryer.Sleeper {

  static final Instant START = Instant.parse("2026-11-30T12:00:00Z");

  private Instant now = START;
  private final List<Duration> waits = new ArrayList<>();

  @Override
  public synchronized void sleep(Duration wait) {
    waits.add(wait);
    now = now.plus(wait);
  }

  synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  synchronized List<Duration> waits() {
    return List.copyOf(waits);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
