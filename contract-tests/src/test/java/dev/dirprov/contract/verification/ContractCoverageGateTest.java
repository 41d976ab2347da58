package dev.dirprov.contract.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract-coverage gate is proven on broken copies of this build's pact and of the spec: a pact without
 * the interactions of a status, or that never sends a request field, fails it with a message naming the
 * operation and the status or field; so does a spec that documents one more.
 */
class ContractCoverageGateTest {

  private static final String CREATE = "createDirectoryProvisioning (POST /connections/{id}/directory-provisioning)";
  private static final String UPDATE = "updateDirectoryProvisioning (PATCH /connections/{id}/directory-provisioning)";

  private static ObjectNode spec;
  private static ObjectNode pact;

  @BeforeAll
  static void readThePactAndTheSpec() throws Exception {
    spec = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(PactSpecValidator.specText());
    pact = (ObjectNode) new ObjectMapper().readTree(PactSpecValidator.generatedPactJson());
  }

  private static Predicate<JsonNode> requests(String method, String pathRegex) {
    return i -> i.at("/request/method").asText().equals(method) && i.at("/request/path").asText().matches(pathRegex);
  }

  /** A copy of the pact whose interactions that {@code which} selects are changed, or removed if no change. */
  private static ObjectNode pactWhere(Predicate<JsonNode> which, Consumer<ObjectNode> change) {
    ObjectNode copy = pact.deepCopy();
    int touched = 0;
    for (Iterator<JsonNode> it = ((ArrayNode) copy.get("interactions")).iterator(); it.hasNext(); ) {
      JsonNode interaction = it.next();
      if (which.test(interaction)) {
        touched++;
        if (change == null) {
          it.remove();
        } else {
          change.accept((ObjectNode) interaction);
        }
      }
    }
    assertThat(touched).as("interactions the mutation applies to").isPositive();
    return copy;
  }

  @Test
  void acceptsThePactAsGenerated() {
    assertThat(ContractCoverage.of(spec, pact).failures()).isEmpty();
  }

  @Test
  void failsAPactWithoutAnInteractionOfADocumentedStatus() {
    ObjectNode noConflict = pactWhere(requests("POST", "/connections/[^/]+/directory-provisioning")
        .and(i -> i.at("/response/status").asInt() == 409), null);

    assertThat(ContractCoverage.of(spec, noConflict).failures())
        .containsExactly(CREATE + ": documented status 409 has no interaction");
  }

  @Test
  void failsAPactThatNeverSendsADocumentedBodyField() {
    ObjectNode neverGroups = pactWhere(requests("PATCH", ".*"),
        i -> i.withObject("/request/body/content").remove("synchronize_groups"));

    assertThat(ContractCoverage.of(spec, neverGroups).failures())
        .containsExactly(UPDATE + ": documented request field body synchronize_groups is sent by no interaction");
  }

  @Test
  void failsAPactThatNeverSendsAFieldOfAnArrayItem() {
    ObjectNode neverIdp = pactWhere(requests("POST", "/connections/[^/]+/directory-provisioning")
            .and(i -> i.at("/request/body/content/mapping").isArray()),
        i -> i.at("/request/body/content/mapping").forEach(item -> ((ObjectNode) item).remove("idp")));

    assertThat(ContractCoverage.of(spec, neverIdp).failures())
        .containsExactly(CREATE + ": documented request field body mapping[].idp is sent by no interaction");
  }

  @Test
  void failsAPactThatNeverSendsADocumentedQueryParameter() {
    ObjectNode neverTake = pactWhere(requests("GET", "/connections-directory-provisionings"),
        i -> i.withObject("/request").remove("query"));

    assertThat(ContractCoverage.of(spec, neverTake).failures()).containsExactlyInAnyOrder(
        "listDirectoryProvisionings (GET /connections-directory-provisionings): documented request field query from"
            + " is sent by no interaction",
        "listDirectoryProvisionings (GET /connections-directory-provisionings): documented request field query take"
            + " is sent by no interaction");
  }

  @Test
  void failsASpecThatDocumentsAStatusNoInteractionAnswersWith() {
    ObjectNode moreStatuses = spec.deepCopy();
    moreStatuses.withObject("/paths/~1connections~1{id}~1directory-provisioning/get/responses")
        .set("503", moreStatuses.at("/components/responses/TooManyRequests").deepCopy());

    assertThat(ContractCoverage.of(moreStatuses, pact).failures()).containsExactly(
        "getDirectoryProvisioning (GET /connections/{id}/directory-provisioning): documented status 503 has no"
            + " interaction");
  }

  @Test
  void failsASpecThatDocumentsARequestFieldNoInteractionSends() {
    ObjectNode moreFields = spec.deepCopy();
    moreFields.withObject("/components/schemas/UpdateDirectoryProvisioningRequestContent/properties")
        .putObject("enabled").put("type", "boolean");

    assertThat(ContractCoverage.of(moreFields, pact).failures())
        .containsExactly(UPDATE + ": documented request field body enabled is sent by no interaction");
  }

  @Test
  void failsAnInteractionWithAStatusTheOperationDoesNotDocument() {
    ObjectNode teapot = pactWhere(requests("DELETE", "/connections/[^/]+/directory-provisioning")
        .and(i -> i.at("/response/status").asInt() == 204), i -> i.withObject("/response").put("status", 418));

    assertThat(ContractCoverage.of(spec, teapot).failures()).contains(
        "deleteDirectoryProvisioning (DELETE /connections/{id}/directory-provisioning): documented status 204 has no"
            + " interaction",
        "interaction \"a request to delete the directory provisioning configuration of a connection that has one\""
            + " answers deleteDirectoryProvisioning (DELETE /connections/{id}/directory-provisioning) with status"
            + " 418, which the spec does not document");
  }

  @Test
  void reportsButDoesNotFailAResponseFieldNoAnswerCarries() {
    ObjectNode neverError = pactWhere(requests("GET", "/connections/[^/]+/directory-provisioning")
            .and(i -> i.at("/response/status").asInt() == 200),
        i -> i.withObject("/response/body/content").remove("last_synchronization_error"));

    ContractCoverage coverage = ContractCoverage.of(spec, neverError);

    assertThat(coverage.failures()).isEmpty();
    assertThat(coverage.reportedGaps()).contains("getDirectoryProvisioning 200: last_synchronization_error");
    assertThat(ContractCoverage.of(spec, pact).reportedGaps())
        .noneMatch(gap -> gap.startsWith("getDirectoryProvisioning 200"));
  }
}
