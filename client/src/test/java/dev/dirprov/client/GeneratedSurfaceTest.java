package dev.dirprov.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.DirectoryProvisioning;
import dev.dirprov.client.model.DirectoryProvisioningMappingItem;
import dev.dirprov.client.model.SynchronizeGroupsEnum;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import feign.RequestLine;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a user of the generated API and models sees: javadoc without the generator's typos, placeholders or
 * literal Markdown, an {@code @throws} per documented status, no {@code internal} type, one-line models, and an
 * auto-paging companion on each cursor list that really walks the pages.
 */
class GeneratedSurfaceTest {

  private static final Path GENERATED = Path.of("target", "generated-sources");

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  /** What the generator's own templates leave in javadoc, and what must never reach a user. */
  static List<String> findings(String file, String source) {
    List<String> found = new ArrayList<>();
    Matcher javadoc = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL).matcher(source);
    while (javadoc.find()) {
      String doc = javadoc.group(1);
      check(found, file, doc, "boyd", "the generator's typo \"boyd\"");
      check(found, file, doc, "headers .", "the generator's \"headers .\"");
      check(found, file, doc, "`", "a literal Markdown backtick");
      check(found, file, doc, "&#x60;", "an escaped Markdown backtick");
      check(found, file, doc, "Gets or Sets", "the generator's \"Gets or Sets\" placeholder");
      if (Pattern.compile("^\\s*\\*\\s*Get [a-z]\\w*\\s*$", Pattern.MULTILINE).matcher(doc).find()) {
        found.add(file + ": the generator's \"Get field\" placeholder");
      }
    }
    check(found, file, source, "UNKNOWN_DEFAULT_OPEN_API", "the generator's unknown-enum name");
    check(found, file, source, "org.openapitools.client", "the generator's default package");
    return found;
  }

  private static void check(List<String> found, String file, String text, String bad, String what) {
    if (text.contains(bad)) {
      found.add(file + ": " + what);
    }
  }

  @Test
  void theCheckFlagsEachKnownGeneratorLeftover() {
    assertThat(findings("A", "/**\n * @return A ApiResponse that wraps the response boyd\n */")).hasSize(1);
    assertThat(findings("A", "/**\n * also returns the http response headers .\n */")).hasSize(1);
    assertThat(findings("A", "/**\n * for example `con_0aB1cD2eF3gH4iJ5`\n */")).hasSize(1);
    assertThat(findings("A", "/**\n * for example &#x60;con_0aB1cD2eF3gH4iJ5&#x60;\n */")).hasSize(1);
    assertThat(findings("A", "/**\n   * Get synchronizeGroups\n   * @return synchronizeGroups\n */")).hasSize(1);
    assertThat(findings("A", "enum E { UNKNOWN_DEFAULT_OPEN_API }")).hasSize(1);
    assertThat(findings("A", "/**\n * for example {@code con_0aB1cD2eF3gH4iJ5}.\n */ // a `tick` outside javadoc"))
        .isEmpty();
  }

  @Test
  void generatedJavadocHasNoGeneratorLeftovers() throws IOException {
    List<String> found = new ArrayList<>();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(GENERATED)) {
      sources = files.filter(p -> p.toString().endsWith(".java"))
          .collect(Collectors.toList());
    }
    assertThat(sources).extracting(p -> p.getFileName().toString())
        .contains("DirectoryProvisioningApi.java", "UpdateDirectoryProvisioningRequestContent.java", "package-info.java");
    for (Path source : sources) {
      found.addAll(findings(source.toString(), Files.readString(source, StandardCharsets.UTF_8)));
    }
    assertThat(found).isEmpty();
  }

  @Test
  void everyApiMethodDocumentsTheExceptionOfEachErrorStatus() throws IOException {
    Path api;
    try (Stream<Path> files = Files.walk(GENERATED)) {
      api = files.filter(p -> p.endsWith(Path.of("api", "DirectoryProvisioningApi.java")))
          .findFirst().orElseThrow();
    }
    String source = Files.readString(api, StandardCharsets.UTF_8);
    Matcher method = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*@RequestLine[^\\n]*\\n(?:\\s*@Headers\\(\\{[^}]*\\}\\)\\s*)"
        + "\\s*[\\w<>.]+ (\\w+)\\(", Pattern.DOTALL).matcher(source);
    int methods = 0;
    while (method.find()) {
      methods++;
      String doc = method.group(1);
      assertThat(doc).as(method.group(2))
          .contains("@throws dev.dirprov.client.UnauthorizedException on 401:")
          .contains("@throws dev.dirprov.client.RateLimitException on 429:")
          .contains("@throws dev.dirprov.client.TransportException");
    }
    assertThat(methods).isEqualTo(2 * (int) Arrays.stream(DirectoryProvisioningApi.class.getMethods())
        .filter(m -> m.isAnnotationPresent(RequestLine.class) && !m.getName().endsWith("WithHttpInfo")).count());
    assertThat(source).contains("@throws dev.dirprov.client.ConflictException on 409:")
        .contains("@throws dev.dirprov.client.NotFoundException on 404:")
        .contains("@throws dev.dirprov.client.ForbiddenException on 403:")
        .contains("@throws dev.dirprov.client.BadRequestException on 400:");
  }

  @Test
  void thePublicApiNamesNoInternalType() {
    assertThat(DirectoryProvisioningApi.class.getInterfaces()).isEmpty();
    for (Method m : DirectoryProvisioningApi.class.getMethods()) {
      List<Type> types = new ArrayList<>(Arrays.asList(m.getGenericParameterTypes()));
      types.add(m.getGenericReturnType());
      assertThat(types).extracting(Type::getTypeName).as(m.getName())
          .noneMatch(name -> name.contains(".internal."));
    }
  }

  @Test
  void modelsPrintTheirSetFieldsOnOneLine() {
    assertThat(new DirectoryProvisioningMappingItem().auth0("email").toString())
        .isEqualTo("DirectoryProvisioningMappingItem{auth0=email}");
    assertThat(new UpdateDirectoryProvisioningRequestContent().synchronizeGroups(SynchronizeGroupsEnum.ALL)
        .addMappingItem(new DirectoryProvisioningMappingItem().auth0("email").idp("primaryEmail")).toString())
        .isEqualTo("UpdateDirectoryProvisioningRequestContent{mapping=[DirectoryProvisioningMappingItem"
            + "{auth0=email, idp=primaryEmail}], synchronizeGroups=all}");
    assertThat(SynchronizeGroupsEnum.fromValue("some-future-value")).isSameAs(SynchronizeGroupsEnum.UNKNOWN);
  }

  @Test
  void theListCompanionWalksEveryPageInOrder() {
    server.stubFor(WireMock.get(urlEqualTo("/api/v2/connections-directory-provisionings?take=2"))
        .willReturn(page("[" + item("con_1") + "," + item("con_2") + "]", "\"next\":\"c2\"")));
    server.stubFor(WireMock.get(urlEqualTo("/api/v2/connections-directory-provisionings?from=c2&take=2"))
        .willReturn(page("[" + item("con_3") + "]", null)));
    DirectoryProvisioningApi api = DirectoryProvisioningClient.builder()
        .baseUrl(server.baseUrl() + "/api/v2")
        .token("t")
        .build();

    List<String> ids = api.listDirectoryProvisioningsAll(2)
        .map(DirectoryProvisioning::getConnectionId)
        .collect(Collectors.toList());

    assertThat(ids).containsExactly("con_1", "con_2", "con_3");
    server.verify(2, getRequestedFor(urlPathEqualTo("/api/v2/connections-directory-provisionings")));
  }

  @Test
  void theListCompanionFetchesNoPageBeyondWhatIsConsumed() {
    server.stubFor(WireMock.get(urlPathEqualTo("/api/v2/connections-directory-provisionings"))
        .willReturn(page("[" + item("con_1") + "]", "\"next\":\"c2\"")));
    DirectoryProvisioningApi api = DirectoryProvisioningClient.builder()
        .baseUrl(server.baseUrl() + "/api/v2")
        .token("t")
        .build();

    assertThat(api.listDirectoryProvisioningsAll(null).findFirst()).isPresent();
    server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/connections-directory-provisionings")));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(String items, String next) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"directory_provisionings\":" + items + (next == null ? "" : "," + next) + "}");
  }

  private static String item(String id) {
    return "{\"connection_id\":\"" + id + "\",\"connection_name\":\"n\",\"strategy\":\"google-apps\","
        + "\"mapping\":[{\"auth0\":\"email\",\"idp\":\"primaryEmail\"}],\"synchronize_automatically\":true,"
        + "\"created_at\":\"2026-03-02T09:15:27.000Z\",\"updated_at\":\"2026-03-02T09:15:27.000Z\"}";
  }
}
