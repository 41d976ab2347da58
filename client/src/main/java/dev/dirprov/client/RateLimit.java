package dev.dirprov.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The rate-limit headers of one response, read leniently: a header that is absent, unreadable, negative or out
 * of any representable time is empty. Nothing a server sends here throws.
 */
record RateLimit(OptionalLong limit, OptionalLong remaining, Optional<Instant> reset,
    Optional<Duration> retryAfter) {

  /**
   * Reads the headers.
   *
   * @param header the first value of a header by lower-case name, or null
   * @param now when the response arrived, for a {@code Retry-After} given as an HTTP date
   */
  static RateLimit from(Function<String, String> header, Instant now) {
    OptionalLong reset = number(header.apply("x-ratelimit-reset"));
    return new RateLimit(
        number(header.apply("x-ratelimit-limit")),
        number(header.apply("x-ratelimit-remaining")),
        reset.isPresent() && reset.getAsLong() <= Instant.MAX.getEpochSecond()
            ? Optional.of(Instant.ofEpochSecond(reset.getAsLong())) : Optional.empty(),
        retryAfter(header.apply("retry-after"), now));
  }

  private static OptionalLong number(String value) {
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      long parsed = Long.parseLong(value.trim());
      return parsed < 0 ? OptionalLong.empty() : OptionalLong.of(parsed);
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static Optional<Duration> retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    OptionalLong seconds = number(value);
    if (seconds.isPresent()) {
      return Optional.of(Duration.ofSeconds(seconds.getAsLong()));
    }
    try {
      Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
