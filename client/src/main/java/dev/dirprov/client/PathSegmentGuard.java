package dev.dirprov.client;

import feign.Contract;
import feign.InvocationHandlerFactory;
import feign.MethodMetadata;
import feign.Param;
import feign.RequestLine;
import feign.Target;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes every path parameter of every generated operation exactly one path segment.
 *
 * <p>Feign leaves {@code /} unencoded in path parameters and passes through values that already look
 * percent-encoded, so an id such as {@code ../x} or {@code a%2Fb} would change which resource is addressed.
 * This handler percent-encodes each path argument completely (everything but RFC 3986 unreserved
 * characters) before Feign expands the template; Feign then leaves the encoded value as it is. Values that
 * cannot be a segment at all ({@code null}, empty, {@code .} and {@code ..}) are refused before anything is
 * sent. It reads the operations' {@code @RequestLine} templates, so new operations need no code here.
 * {@link SegmentContract} keeps Feign from decoding the encoded {@code %2F} back into {@code /}.
 */
final class PathSegmentGuard implements InvocationHandlerFactory {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final InvocationHandlerFactory delegate = new InvocationHandlerFactory.Default();

  @Override
  @SuppressWarnings("rawtypes") // the signature of InvocationHandlerFactory
  public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
    InvocationHandler next = delegate.create(target, dispatch);
    Map<Method, PathParameter[]> pathParameters = new HashMap<>();
    for (Method method : dispatch.keySet()) {
      PathParameter[] parameters = pathParametersOf(method);
      if (parameters.length > 0) {
        pathParameters.put(method, parameters);
      }
    }
    return (proxy, method, args) -> {
      PathParameter[] parameters = pathParameters.get(method);
      if (parameters == null) {
        return next.invoke(proxy, method, args);
      }
      Object[] guarded = args.clone();
      for (PathParameter parameter : parameters) {
        guarded[parameter.index] = encodeSegment(parameter.name, guarded[parameter.index]);
      }
      return next.invoke(proxy, method, guarded);
    };
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

  private static PathParameter[] pathParametersOf(Method method) {
    RequestLine requestLine = method.getAnnotation(RequestLine.class);
    if (requestLine == null) {
      return new PathParameter[0];
    }
    String path = pathOf(requestLine.value());
    List<PathParameter> found = new ArrayList<>();
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation annotation : annotations[i]) {
        if (annotation instanceof Param
            && path.contains("{" + ((Param) annotation).value() + "}")) {
          found.add(new PathParameter(i, ((Param) annotation).value()));
        }
      }
    }
    return found.toArray(new PathParameter[0]);
  }

  /** The path of a request line such as {@code PATCH /connections/{id}?x={x}}. */
  private static String pathOf(String requestLine) {
    String afterMethod = requestLine.substring(requestLine.indexOf(' ') + 1).trim();
    int query = afterMethod.indexOf('?');
    return query < 0 ? afterMethod : afterMethod.substring(0, query);
  }

  private record PathParameter(int index, String name) {
  }

  /**
   * Feign's default contract, except that {@code %2F} in an expanded path stays encoded. Feign decodes it by
   * default ({@code @RequestLine(decodeSlash = true)}), and the generated interfaces cannot say otherwise.
   */
  static final class SegmentContract extends Contract.Default {
    @Override
    protected MethodMetadata parseAndValidateMetadata(Class<?> targetType, Method method) {
      MethodMetadata metadata = super.parseAndValidateMetadata(targetType, method);
      metadata.template().decodeSlash(false);
      return metadata;
    }
  }
}
