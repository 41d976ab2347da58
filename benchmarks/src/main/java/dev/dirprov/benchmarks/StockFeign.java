package dev.dirprov.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import feign.Client;
import feign.Feign;
import feign.Request;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import feign.Response;
import feign.Retryer;
import feign.codec.Decoder;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The generated {@link DirectoryProvisioningApi} on a stock {@code Feign.builder()}, as lean as Feign allows:
 * what {@code feignCore} and {@code feignFloor} share. Only the {@link Client} differs between them.
 *
 * <pre>{@code
 * DirectoryProvisioningApi api = StockFeign.api(client, baseUrl);
 * }</pre>
 *
 * <p>Nothing but Feign's own per-call work and Jackson's: the request body is written to one byte array, the
 * answer is read from its bytes or its stream without another copy, the bearer header is built once and added as a literal (never parsed as a template), there are
 * no retries, no typed errors, no logging, and Feign's default contract, target and invocation handler.
 */
final class StockFeign {

  private StockFeign() {
  }

  /** The generated interface on a stock Feign builder over {@code client}. */
  static DirectoryProvisioningApi api(Client client, String baseUrl) {
    ObjectMapper mapper = Payloads.floorMapper();
    return Feign.builder()
        .client(client)
        .encoder(new JsonBytesEncoder(mapper))
        .decoder(new JsonDecoder(mapper))
        .requestInterceptor(new FixedBearerToken(Payloads.TOKEN))
        .retryer(Retryer.NEVER_RETRY)
        // The OkHttp floors' timeouts; feignFloor's client is built with the same ones and ignores these.
        .options(new Request.Options(10, TimeUnit.SECONDS, 30, TimeUnit.SECONDS, false))
        .target(DirectoryProvisioningApi.class, baseUrl);
  }

  /** Writes the body with Jackson straight to one UTF-8 byte array. */
  static final class JsonBytesEncoder implements Encoder {
    private final ObjectMapper mapper;

    JsonBytesEncoder(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) {
      try {
        template.body(mapper.writeValueAsBytes(object), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new EncodeException("Could not write the request body as JSON", e);
      }
    }
  }

  /**
   * Reads the answer with Jackson straight from its bytes in memory ({@link BytesBody}) or from the socket's
   * stream, never through a {@code Reader} or an extra copy.
   */
  static final class JsonDecoder implements Decoder {
    private final ObjectMapper mapper;

    JsonDecoder(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
      Response.Body body = response.body();
      if (body == null) {
        return null;
      }
      if (body instanceof BytesBody) {
        return mapper.readValue(((BytesBody) body).bytes, mapper.constructType(type));
      }
      try (InputStream in = body.asInputStream()) {
        return mapper.readValue(in, mapper.constructType(type));
      }
    }
  }

  /** {@code Authorization: Bearer <token>}, built once and added as a literal: no template parsing per call. */
  static final class FixedBearerToken implements RequestInterceptor {
    private final List<String> value;

    FixedBearerToken(String token) {
      this.value = List.of("Bearer " + token);
    }

    @Override
    public void apply(RequestTemplate template) {
      template.headerLiteral("Authorization", value);
    }

    @Override
    public String toString() {
      return "FixedBearerToken[<redacted>]";
    }
  }

  /** A response body held as the bytes that arrived, handed to {@link JsonDecoder} as they are. */
  static final class BytesBody implements Response.Body {
    final byte[] bytes;

    BytesBody(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public Integer length() {
      return bytes.length;
    }

    @Override
    public boolean isRepeatable() {
      return true;
    }

    @Override
    public InputStream asInputStream() {
      return new ByteArrayInputStream(bytes);
    }

    @Override
    @SuppressWarnings("deprecation") // the interface's own deprecation
    public Reader asReader() {
      return asReader(StandardCharsets.UTF_8);
    }

    @Override
    public Reader asReader(Charset charset) {
      return new InputStreamReader(asInputStream(), charset);
    }

    @Override
    public void close() {
    }
  }
}
