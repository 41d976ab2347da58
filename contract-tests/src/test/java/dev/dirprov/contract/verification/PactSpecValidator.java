package dev.dirprov.contract.verification;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.StringSource;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.pact.PactRequest;
import com.atlassian.oai.validator.pact.PactResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.MessageContext;
import com.atlassian.oai.validator.schema.SchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks each interaction of a pact against the spec packaged in dirprov-spec: request method, path,
 * headers and body; response status, headers and body.
 *
 * <pre>{@code
 * List<Finding> findings = PactSpecValidator.forPublishedSpec().validate(PactSpecValidator.generatedPact());
 * }</pre>
 *
 * <p>Configured to check the spec as written, and stricter than swagger-request-validator's defaults:
 * <ul>
 *   <li>every message is an error: its Pact preset would downgrade a missing required response field to INFO,
 *       and a {@code swagger-validator.properties} file or a {@code swagger.*} system property could silence
 *       rules;</li>
 *   <li>{@code additionalProperties} is what the spec says: the validator would otherwise close every schema,
 *       also those the spec leaves open (Auth0's error body);</li>
 *   <li>paths are matched exactly, relative to the API base: the validator would otherwise strip the
 *       {@code servers} base path ({@code /api/v2}) when present and accept both forms, hiding a pact that
 *       PactFlow's validator rejects;</li>
 *   <li>a secured operation needs {@code Authorization: Bearer <token>}: the validator checks HTTP bearer
 *       schemes but lets any request through an OAuth2 alternative, and the spec offers one; both of its
 *       schemes send the token in that header.</li>
 * </ul>
 */
final class PactSpecValidator {

  /** Where dirprov-spec packages the spec. */
  static final String SPEC_RESOURCE = "dirprov/openapi.yaml";
  /** The file the Pact consumer tests write, under {@code pact.rootDir}. */
  static final String PACT_FILE = "dirprov-client-auth0-management-api.json";

  /** The rule a secured request without a bearer token breaks. */
  static final String BEARER_TOKEN_MISSING = "validation.request.security.bearerTokenMissing";

  private static final Pattern BEARER_TOKEN = Pattern.compile("Bearer \\S.*");

  private final OpenApiInteractionValidator validator;

  private PactSpecValidator(String spec) {
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
        .withBasePathOverride("/")
        .withStrictOperationPathMatching()
        .withCustomRequestValidation(PactSpecValidator::requireBearerToken)
        .withLevelResolver(LevelResolver.create()
            .withLoader(null)
            .withDefaultLevel(ValidationReport.Level.ERROR)
            // Not a message but a switch: without it the validator adds additionalProperties: false to every
            // schema. The spec's own additionalProperties rules still apply; ErrorResponse stays open.
            .withLevel(SchemaValidator.ADDITIONAL_PROPERTIES_KEY, ValidationReport.Level.IGNORE)
            .build())
        .build();
  }

  /** A validator of the spec read from the classpath, where the dirprov-spec artifact puts it. */
  static PactSpecValidator forPublishedSpec() {
    return new PactSpecValidator(specText());
  }

  static String specText() {
    try (InputStream in = PactSpecValidator.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SPEC_RESOURCE + " is not on the test classpath: depend on dirprov-spec");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pact file the consumer tests of this build wrote. */
  static Path generatedPactFile() {
    String rootDir = System.getProperty("pact.rootDir");
    if (rootDir == null) {
      throw new IllegalStateException("pact.rootDir is not set: run through Maven (contract-tests/pom.xml sets it)");
    }
    Path file = Path.of(rootDir, PACT_FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("No pact file at " + file + ": the Pact consumer tests (surefire's"
          + " default-test execution) write it before this validation runs");
    }
    return file;
  }

  static String generatedPactJson() {
    try {
      return Files.readString(generatedPactFile(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Pact parse(String pactJson) {
    return DefaultPactReader.INSTANCE.loadPact(new StringSource(pactJson));
  }

  /** Every finding of every interaction of a pact, given as JSON. */
  List<Finding> validate(String pactJson) {
    List<Finding> findings = new ArrayList<>();
    for (Interaction interaction : parse(pactJson).getInteractions()) {
      findings.addAll(validate(interaction));
    }
    return findings;
  }

  /** The findings of one interaction; none when it conforms to the spec. */
  List<Finding> validate(Interaction interaction) {
    SynchronousRequestResponse http = interaction.asSynchronousRequestResponse();
    if (http == null) {
      return List.of(new Finding(interaction.getDescription(), "interaction", "pact.interaction.notHttp",
          "only synchronous HTTP interactions are described by the spec"));
    }
    ValidationReport report = validator.validate(PactRequest.of(http.getRequest()), PactResponse.of(http.getResponse()));
    List<Finding> findings = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR || message.getLevel() == ValidationReport.Level.WARN) {
        findings.add(new Finding(interaction.getDescription(), locationOf(message, http), message.getKey(),
            message.getMessage()));
      }
    }
    return findings;
  }

  private static ValidationReport requireBearerToken(Request request, ApiOperation operation) {
    if (operation.getOperation().getSecurity() == null || operation.getOperation().getSecurity().isEmpty()) {
      return ValidationReport.empty();
    }
    boolean bearer = request.getHeaderValues("Authorization").stream()
        .anyMatch(value -> BEARER_TOKEN.matcher(value).matches());
    return bearer ? ValidationReport.empty() : ValidationReport.singleton(ValidationReport.Message.create(
        BEARER_TOKEN_MISSING,
        "Operation " + operation.getMethod() + " " + operation.getApiPath().original()
            + " is secured (bearerAuth, oAuth2ClientCredentials): it needs 'Authorization: Bearer <token>'")
        .build());
  }

  /** Names the part of the interaction a message is about, such as {@code response body /mapping/0}. */
  private String locationOf(ValidationReport.Message message, SynchronousRequestResponse http) {
    String[] key = message.getKey().split("\\.");
    Optional<MessageContext> context = message.getContext();
    String side = context.flatMap(MessageContext::getLocation)
        .map(location -> location.name().toLowerCase(Locale.ROOT))
        .orElse(key.length > 1 ? key[1] : "interaction");
    String part = key.length > 2 ? key[2] : "";
    switch (part) {
      case "body":
        return side + " body " + context.flatMap(MessageContext::getPointers)
            .map(pointers -> pointers.getInstance().isEmpty() ? "/" : pointers.getInstance())
            .orElse("/");
      case "path":
        return "request path " + http.getRequest().getPath();
      case "operation":
        return "request method " + http.getRequest().getMethod() + " " + http.getRequest().getPath();
      case "status":
        return "response status " + http.getResponse().getStatus();
      case "parameter":
        return side + " " + context.flatMap(MessageContext::getParameter)
            .map(parameter -> parameter.getIn() + " " + parameter.getName())
            .orElse(part);
      case "header":
        return side + " header " + ("response".equals(side) ? responseHeaderBreaking(message, http) : "");
      case "security":
        return "request header Authorization";
      default:
        return side + " " + part;
    }
  }

  /**
   * The response header a message is about. The validator does not say, so each header is validated alone
   * until one gives the same message.
   */
  private String responseHeaderBreaking(ValidationReport.Message message, SynchronousRequestResponse http) {
    IResponse response = http.getResponse();
    Request.Method method = Request.Method.valueOf(http.getRequest().getMethod().toUpperCase(Locale.ROOT));
    for (Map.Entry<String, List<String>> header : response.getHeaders().entrySet()) {
      SimpleResponse.Builder alone = new SimpleResponse.Builder(response.getStatus())
          .withHeader(header.getKey(), header.getValue());
      ValidationReport report = validator.validateResponse(http.getRequest().getPath(), method, alone.build());
      boolean same = report.getMessages().stream().anyMatch(m -> m.getKey().equals(message.getKey())
          && m.getMessage().equals(message.getMessage()));
      if (same) {
        return header.getKey();
      }
    }
    return "(unnamed)";
  }
}
