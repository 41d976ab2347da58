package dev.dirprov.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The test class path's SLF4J binding: it keeps every line logged at DEBUG or above by a logger named
 * {@code dev.dirprov.client}, so that tests read what the client's default log sink wrote.
 *
 * <pre>{@code
 * CapturingSlf4j.clear();
 * ...
 * assertThat(CapturingSlf4j.lines()).anyMatch(line -> line.contains("---> PATCH"));
 * }</pre>
 */
public final class CapturingSlf4j implements SLF4JServiceProvider {

  private static final List<String> LINES = new CopyOnWriteArrayList<>();

  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new BasicMDCAdapter();
  private final ILoggerFactory loggers = CapturingLogger::new;

  /** The lines of {@code dev.dirprov.client}, each as {@code LEVEL message}. */
  static List<String> lines() {
    return List.copyOf(LINES);
  }

  static void clear() {
    LINES.clear();
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
  }

  /** Keeps the lines of {@code dev.dirprov.client}; every other logger (WireMock's, Jetty's) is off. */
  private static final class CapturingLogger extends AbstractLogger {
    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
      this.name = name;
    }

    private boolean on() {
      return "dev.dirprov.client".equals(name);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments,
        Throwable throwable) {
      LINES.add(level + " " + MessageFormatter.basicArrayFormat(message, arguments));
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return on();
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
      return on();
    }

    @Override
    public boolean isInfoEnabled() {
      return on();
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
      return on();
    }

    @Override
    public boolean isWarnEnabled() {
      return on();
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
      return on();
    }

    @Override
    public boolean isErrorEnabled() {
      return on();
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
      return on();
    }
  }
}
