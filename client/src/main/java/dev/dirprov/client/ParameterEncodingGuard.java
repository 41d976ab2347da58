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
 * Makes every path parameter of every generated operation exactly one path segment, and every query
 * parameter arrive exactly as the caller passed it.
 *
 * <p>Feign leaves {@code /} unencoded in path parameters and passes through values that already look
 * percent-encoded, so an id such as {@code ../x} or {@code a%2Fb} would change which resource is addressed,
 * and a cursor such as {@code YWJj%3D} would arrive as {@code YWJj=}. This handler percent-encodes each path
 * and query argument completely (everything but RFC 3986 unreserved characters) before Feign expands the
 * template; Feign then leaves the encoded value as it is. Path values that cannot be a segment at all
 * ({@code null}, empty, {@code .} and {@code ..}) are refused before anything is sent; a {@code null} query
 * value leaves the parameter out. It reads the operations' {@code @RequestLine} templates, so new operations
 * need no code here.
 * {@link SegmentContract} keeps Feign from decoding the encoded {@code %2F} back into {@code /}.
 */
final class ParameterEncodingGuard implements InvocationHandlerFactory {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final InvocationHandlerFactory delegate = new InvocationHandlerFactory.Default();

  @Override
  @SuppressWarnings("rawtypes") // the signature of InvocationHandlerFactory
  public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
    InvocationHandler next = delegate.create(target, dispatch);
    Map<Method, TemplateParameter[]> templateParameters = new HashMap<>();
    for (Method method : dispatch.keySet()) {
      TemplateParameter[] parameters = templateParametersOf(method);
      if (parameters.length > 0) {
        templateParameters.put(method, parameters);
      }
    }
    return (proxy, method, args) -> {
      TemplateParameter[] parameters = templateParameters.get(method);
      if (parameters == null) {
        return next.invoke(proxy, method, args);
      }
      Object[] guarded = args.clone();
      for (TemplateParameter parameter : parameters) {
        Object value = guarded[parameter.index];
        if (parameter.inPath) {
          guarded[parameter.index] = encodeSegment(parameter.name, value);
        } else if (value != null) {
          guarded[parameter.index] = percentEncode(value.toString());
        }
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

  private static TemplateParameter[] templateParametersOf(Method method) {
    RequestLine requestLine = method.getAnnotation(RequestLine.class);
    if (requestLine == null) {
      return new TemplateParameter[0];
    }
    // "GET /connections/{id}/x?from={from}": the path, then the query
    String target = requestLine.value().substring(requestLine.value().indexOf(' ') + 1).trim();
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? "" : target.substring(question);
    List<TemplateParameter> found = new ArrayList<>();
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation annotation : annotations[i]) {
        if (annotation instanceof Param) {
          String expression = "{" + ((Param) annotation).value() + "}";
          if (path.contains(expression) || query.contains(expression)) {
            found.add(new TemplateParameter(i, ((Param) annotation).value(), path.contains(expression)));
          }
        }
      }
    }
    return found.toArray(new TemplateParameter[0]);
  }

  private record TemplateParameter(int index, String name, boolean inPath) {
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
