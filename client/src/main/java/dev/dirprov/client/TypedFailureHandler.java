package dev.dirprov.client;

import feign.FeignException;
import feign.InvocationHandlerFactory;
import feign.Request;
import feign.Target;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * The outermost seam of every call: it starts the call's {@link CallDeadline} and makes sure that whatever
 * fails reaches the caller as a {@link ManagementApiException}, never as a Feign exception.
 *
 * <pre>{@code
 * Feign.builder()
 *     .client(deadline)
 *     .invocationHandlerFactory(new TypedFailureHandler(new ParameterEncodingGuard(), deadline))
 * }</pre>
 *
 * <p>Feign wraps what goes wrong: an error status or an I/O failure the retryer gave up on arrives as a
 * {@code RetryableException} whose cause is the typed exception or the {@link IOException}; a decoder's
 * exception arrives inside a {@code DecodeException}. Unwrapping here rather than with Feign's
 * {@code ExceptionPropagationPolicy.UNWRAP} keeps the request, so a {@link TransportException} can say which
 * method and URL failed. Exceptions that are not Feign's (an invalid argument, a failing token supplier) pass
 * through unchanged.
 */
final class TypedFailureHandler implements InvocationHandlerFactory {

  private final InvocationHandlerFactory next;
  private final CallDeadline deadline;

  TypedFailureHandler(InvocationHandlerFactory next, CallDeadline deadline) {
    this.next = next;
    this.deadline = deadline;
  }

  @Override
  @SuppressWarnings("rawtypes") // the signature of InvocationHandlerFactory
  public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
    InvocationHandler handler = next.create(target, dispatch);
    return (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return handler.invoke(proxy, method, args);
      }
      CallDeadline.Scope call = deadline.begin();
      try {
        return handler.invoke(proxy, method, args);
      } catch (FeignException e) {
        throw typed(e);
      } catch (IOException e) {
        throw TransportException.of(null, null, e);
      } finally {
        call.close();
      }
    };
  }

  /** The exception the caller gets for a Feign exception. */
  static ManagementApiException typed(FeignException e) {
    Throwable cause = e.getCause();
    if (cause instanceof ManagementApiException) {
      return (ManagementApiException) cause;
    }
    Request request = e.request();
    String method = request == null ? null : request.httpMethod().name();
    String url = request == null ? null : request.url();
    if (cause instanceof IOException) {
      return TransportException.of(method, url, (IOException) cause);
    }
    return new ManagementApiException("Request failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
        ManagementApiException.ErrorResponseDetails.none(), e);
  }
}
