package dev.dirprov.client;

import feign.Contract;
import feign.MethodMetadata;
import feign.Param;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes every path parameter of every generated operation exactly one path segment, and every query
 * parameter arrive exactly as the caller passed it.
 *
 * <p>Feign leaves {@code /} unencoded in path parameters and passes through values that already look
 * percent-encoded, so an id such as {@code ../x} or {@code a%2Fb} would change which resource is addressed,
 * and a cursor such as {@code YWJj%3D} would arrive as {@code YWJj=}. As Feign's {@link Contract} it gives each
 * path and query parameter an expander that percent-encodes the value completely (everything but RFC 3986
 * unreserved characters); Feign then leaves the encoded value as it is, and keeps {@code %2F} encoded. Path
 * values that cannot be a segment at all ({@code null}, empty, {@code .} and {@code ..}) are refused before
 * anything is sent; a {@code null} query value leaves the parameter out. It works from the metadata Feign
 * parsed, so new operations need no code here.
 *
 * <pre>{@code
 * ParameterEncodingGuard guard = new ParameterEncodingGuard();
 * Feign.builder().contract(guard).addCapability(new CallDeadline(callTimeout, clock, guard).outermost(release))
 * }</pre>
 */
final class ParameterEncodingGuard extends Contract.Default {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final Param.Expander QUERY = value -> percentEncode(value.toString());

  /** The suffix of the generated methods that return {@code ApiResponse<T>}; the operationId precedes it. */
  private static final String WITH_HTTP_INFO = "WithHttpInfo";

  /** The path parameters of each method, by argument index. */
  private final Map<Method, Map<Integer, String>> pathParameters = new ConcurrentHashMap<>();
  /** The HTTP method of each method, as parsed from its {@code @RequestLine}. */
  private final Map<Method, String> httpMethods = new ConcurrentHashMap<>();

  @Override
  protected MethodMetadata parseAndValidateMetadata(Class<?> targetType, Method method) {
    MethodMetadata metadata = super.parseAndValidateMetadata(targetType, method);
    // Feign decodes %2F back into / by default, and the generated interfaces cannot say otherwise.
    metadata.template().decodeSlash(false);
    Set<String> queryVariables = new HashSet<>();
    for (Collection<String> values : metadata.template().queries().values()) {
      for (String value : values) {
        queryVariables.add(value.replaceAll("[{}]", ""));
      }
    }
    Map<Integer, Param.Expander> expanders = new HashMap<>();
    Map<Integer, String> paths = new HashMap<>();
    metadata.indexToName().forEach((index, names) -> {
      String name = names.iterator().next();
      if (queryVariables.contains(name)) {
        expanders.put(index, QUERY);
      } else if (metadata.template().url().contains("{" + name + "}")) {
        expanders.put(index, value -> encodeSegment(name, value));
        paths.put(index, name);
      }
    });
    metadata.indexToExpander(expanders);
    if (method != null && !paths.isEmpty()) {
      pathParameters.put(method, paths);
    }
    if (method != null) {
      httpMethods.put(method, metadata.template().method());
    }
    return metadata;
  }

  /**
   * The spec's operationId of a generated method: its name, without the {@code WithHttpInfo} of the variant
   * that returns {@code ApiResponse<T>} (the generator names both after the operationId).
   */
  static String operation(Method method) {
    String name = method.getName();
    return name.endsWith(WITH_HTTP_INFO) && name.length() > WITH_HTTP_INFO.length()
        ? name.substring(0, name.length() - WITH_HTTP_INFO.length()) : name;
  }

  /** The HTTP method of a generated method, as its contract parsed it; {@code UNKNOWN} for any other. */
  String httpMethod(Method method) {
    return httpMethods.getOrDefault(method, "UNKNOWN");
  }

  /** Refuses a {@code null} path argument, which Feign would leave out of the path. */
  void checkPathArguments(Method method, Object[] args) {
    Map<Integer, String> paths = pathParameters.get(method);
    if (paths != null) {
      paths.forEach((index, name) -> {
        if (args[index] == null) {
          throw new IllegalArgumentException(name + " == null");
        }
      });
    }
  }

  /** Percent-encodes {@code value} as a single path segment, or says why it cannot be one. */
  static String encodeSegment(String name, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " == null");
    }
    String text = value.toString();
    if (text.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty; it must be one path segment");
    }
    if (text.equals(".") || text.equals("..")) {
      throw new IllegalArgumentException(
          name + " is \"" + text + "\", which cannot be a path segment");
    }
    return percentEncode(text);
  }

  /** Encodes every character but the RFC 3986 unreserved ones, so that Feign passes the value through. */
  static String percentEncode(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder encoded = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      char c = (char) (b & 0xFF);
      if (isUnreserved(c)) {
        encoded.append(c);
      } else {
        encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return encoded.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }
}
