package dev.dirprov.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;

/**
 * The one call every contender makes: the request it sends and the 200 answer the stub server returns.
 *
 * <p>The request replaces a Google Workspace mapping of ten items and turns on automatic synchronization
 * (Auth0's SDK 3.0.0 has no {@code synchronize_groups} in its request type, so no contender sends it). The
 * answer carries every field of the response schema, with the same ten mapping items.
 */
final class Payloads {

  static final String CONNECTION_ID = "con_0aB1cD2eF3gH4iJ5";

  /** A JWT-sized token: the header line costs what a real one does. */
  static final String TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImJlbmNobWFyayJ9."
      + "eyJpc3MiOiJodHRwczovL2FjbWUuZXUuYXV0aDAuY29tLyIsInN1YiI6ImJlbmNobWFya0BjbGllbnRzIiwiYXVkIjoi"
      + "aHR0cHM6Ly9hY21lLmV1LmF1dGgwLmNvbS9hcGkvdjIvIiwiaWF0IjoxNzk2MDQ3MzMxLCJleHAiOjE3OTYxMzM3MzEs"
      + "InNjb3BlIjoidXBkYXRlOmRpcmVjdG9yeV9wcm92aXNpb25pbmdzIn0.c2lnbmF0dXJlLW5vdC1jaGVja2VkLWJ5LXRoZS1zdHVi";

  /** Base path of the Management API on the stub server. */
  static final String API_PATH = "/api/v2";

  /** Path of the PATCH, relative to the server root. */
  static final String PATCH_PATH = API_PATH + "/connections/" + CONNECTION_ID + "/directory-provisioning";

  /** Auth0 attribute name, identity provider attribute path: ten items, as a Google Workspace mapping has. */
  static final List<String[]> MAPPING = List.of(
      new String[] {"email", "primaryEmail"},
      new String[] {"email_verified", "isEnrolledIn2Sv"},
      new String[] {"given_name", "name.givenName"},
      new String[] {"family_name", "name.familyName"},
      new String[] {"name", "name.fullName"},
      new String[] {"nickname", "aliases[0]"},
      new String[] {"picture", "thumbnailPhotoUrl"},
      new String[] {"phone_number", "phones[0].value"},
      new String[] {"user_metadata.department", "organizations[0].department"},
      new String[] {"user_metadata.title", "organizations[0].title"});

  /** The request body every contender must send (field order aside). */
  static final String REQUEST_JSON = "{\"mapping\":" + mappingJson() + ",\"synchronize_automatically\":true}";

  /** The 200 body: every field of UpdateDirectoryProvisioningResponseContent. */
  static final String RESPONSE_JSON = "{"
      + "\"connection_id\":\"" + CONNECTION_ID + "\","
      + "\"connection_name\":\"google-workspace-acme\","
      + "\"strategy\":\"google-apps\","
      + "\"mapping\":" + mappingJson() + ","
      + "\"synchronize_automatically\":true,"
      + "\"synchronize_groups\":\"all\","
      + "\"created_at\":\"2026-03-02T09:15:27.000Z\","
      + "\"updated_at\":\"2026-11-30T14:02:11.000+01:00\","
      + "\"last_synchronization_at\":\"2026-11-30T13:30:00.000Z\","
      + "\"last_synchronization_status\":\"success\","
      + "\"last_synchronization_error\":\"Skipped 2 users without primaryEmail\""
      + "}";

  static final byte[] RESPONSE_BYTES = RESPONSE_JSON.getBytes(StandardCharsets.UTF_8);

  private Payloads() {
  }

  /**
   * The mapper the hand-written floors use, configured as dirprov's client configures its own (unset fields
   * left out, unknown fields ignored, offsets kept), so that floors and client do the same JSON work.
   */
  static ObjectMapper floorMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  /** Whether {@code body} is the expected request, field order and whitespace aside. */
  static boolean isExpectedRequest(byte[] body) {
    // Only the checks outside the measured calls need it, so a cold start never pays for it.
    ObjectMapper trees = new ObjectMapper();
    try {
      JsonNode expected = trees.readTree(REQUEST_JSON);
      return expected.equals(trees.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String mappingJson() {
    StringJoiner items = new StringJoiner(",", "[", "]");
    for (String[] item : MAPPING) {
      items.add("{\"auth0\":\"" + item[0] + "\",\"idp\":\"" + item[1] + "\"}");
    }
    return items.toString();
  }
}
