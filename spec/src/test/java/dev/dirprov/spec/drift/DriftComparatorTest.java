package dev.dirprov.spec.drift;

import static dev.dirprov.spec.drift.DriftFixtures.AUTH0;
import static dev.dirprov.spec.drift.DriftFixtures.OURS;
import static dev.dirprov.spec.drift.DriftFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirprov.spec.drift.Difference.Group;
import dev.dirprov.spec.drift.DriftComparator.DriftResult;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The comparator on the fixture pair: Auth0's shape and ours describe the same API, so nothing differs; each
 * mutant of Auth0's document changes one thing, which must be reported in its group, at its place.
 */
class DriftComparatorTest {

    private static final String LIST = "/paths/~1connections-directory-provisionings/get";
    private static final String PROVISIONING = "/paths/~1connections~1{id}~1directory-provisioning";
    private static final String SYNCHRONIZATIONS =
            "/paths/~1connections~1{id}~1directory-provisioning~1synchronizations/post";
    private static final String SCHEMAS = "/components/schemas/";

    @Test
    void auth0sShapeAndOursOfTheSameApiHaveNoDrift() {
        DriftResult result = compare(DriftFixtures.parsed(AUTH0));

        assertThat(result.differences()).as("differences").isEmpty();
        assertThat(result.operationsCompared()).isEqualTo(5);
    }

    @Test
    void listsWhatAuth0DoesNotDocumentAsNotComparedRatherThanAsDrift() {
        DriftResult result = compare(DriftFixtures.parsed(AUTH0));

        assertThat(result.notCompared()).extracting(NotCompared::toString).contains(
                "#/components/responses/NotFound/content: Auth0 documents no body for status 404"
                        + " (its document defines no error body)",
                "#/components/responses/NotFound/headers: Auth0 documents no response headers for status 404",
                "#/paths/~1connections~1{id}~1directory-provisioning/patch/requestBody/content"
                        + "/application~1x-www-form-urlencoded: Auth0 also documents a"
                        + " application/x-www-form-urlencoded request body; only JSON, which the client sends"
                        + " and reads, is compared");
    }

    @Test
    void comparesBothDocumentsTheOtherWayRoundToo() {
        DriftResult result = new DriftComparator(DriftFixtures.parsed(AUTH0), DriftFixtures.parsed(AUTH0))
                .compare();

        assertThat(result.differences()).isEmpty();
        assertThat(result.operationsCompared()).isEqualTo(5);
    }

    /** One change to Auth0's document and the difference it must produce. */
    record Mutant(String name, Consumer<ObjectNode> mutation, Group group, String ours, String upstream,
            String what) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Mutant> mutants() {
        return Stream.of(
                new Mutant("a property changes type",
                        doc -> at(doc, SCHEMAS + "CreateDirectorySynchronizationResponseContent/properties/status")
                                .put("type", "integer"),
                        Group.CHANGED,
                        "#/components/schemas/CreateDirectorySynchronizationResponseContent/properties/status/type",
                        "#/components/schemas/CreateDirectorySynchronizationResponseContent/properties/status/type",
                        "type string -> integer"),
                new Mutant("a property changes format",
                        doc -> at(doc, SCHEMAS + "DirectoryProvisioning/properties/updated_at").put("format", "date"),
                        Group.CHANGED,
                        "#/components/schemas/DirectoryProvisioning/properties/updated_at/format",
                        "#/components/schemas/DirectoryProvisioning/properties/updated_at/format",
                        "format `date-time` -> `date`"),
                new Mutant("an enum value is added",
                        doc -> ((ArrayNode) at(doc, SCHEMAS + "SynchronizeGroupsEnum").get("enum")).add("some"),
                        Group.UNDESCRIBED,
                        "#/components/schemas/SynchronizeGroupsEnum/enum",
                        "#/components/schemas/SynchronizeGroupsEnum/enum",
                        "Auth0 added enum value `some`"),
                new Mutant("an enum value is removed",
                        doc -> ((ArrayNode) at(doc, SCHEMAS + "SynchronizeGroupsEnum").get("enum")).remove(2),
                        Group.CHANGED,
                        "#/components/schemas/SynchronizeGroupsEnum/enum",
                        "#/components/schemas/SynchronizeGroupsEnum/enum",
                        "Auth0 removed enum value `selected`"),
                new Mutant("a field becomes required",
                        doc -> at(doc, SCHEMAS + "UpdateDirectoryProvisioningRequestContent").putArray("required")
                                .add("synchronize_automatically"),
                        Group.CHANGED,
                        "#/components/schemas/UpdateDirectoryProvisioningRequestContent/required",
                        "#/components/schemas/UpdateDirectoryProvisioningRequestContent/required",
                        "Auth0 now requires `synchronize_automatically`"),
                new Mutant("a field is no longer required",
                        doc -> ((ArrayNode) at(doc, SCHEMAS + "DirectoryProvisioning").get("required")).remove(1),
                        Group.CHANGED,
                        "#/components/schemas/DirectoryProvisioning/required",
                        "#/components/schemas/DirectoryProvisioning/required",
                        "Auth0 no longer requires `connection_name`"),
                new Mutant("a status is removed",
                        doc -> at(doc, SYNCHRONIZATIONS + "/responses").remove("409"),
                        Group.CHANGED,
                        "#/paths/~1connections~1{id}~1directory-provisioning~1synchronizations/post/responses/409",
                        Difference.NOWHERE,
                        "Auth0 no longer documents status 409"),
                new Mutant("a status is added",
                        doc -> at(doc, SYNCHRONIZATIONS + "/responses").putObject("503").put("description", "Down"),
                        Group.UNDESCRIBED,
                        Difference.NOWHERE,
                        "#/paths/~1connections~1{id}~1directory-provisioning~1synchronizations/post/responses/503",
                        "Auth0 documents status 503, which we do not"),
                new Mutant("an operation is removed",
                        doc -> at(doc, PROVISIONING).remove("delete"),
                        Group.CHANGED,
                        "#/paths/~1connections~1{id}~1directory-provisioning/delete",
                        Difference.NOWHERE,
                        "Auth0's document has no operation DELETE /connections/{id}/directory-provisioning"),
                new Mutant("an operation is added on a path we describe",
                        doc -> at(doc, PROVISIONING).set("get", at(doc, PROVISIONING + "/delete").deepCopy()),
                        Group.UNDESCRIBED,
                        Difference.NOWHERE,
                        "#/paths/~1connections~1{id}~1directory-provisioning/get",
                        "Auth0 documents GET /connections/{id}/directory-provisioning, which we do not describe"),
                new Mutant("a length constraint is tightened",
                        doc -> at(doc, SCHEMAS + "SynchronizedGroupPayload/properties/id").put("maxLength", 16),
                        Group.CHANGED,
                        "#/components/schemas/SynchronizedGroupPayload/properties/id/maxLength",
                        "#/components/schemas/SynchronizedGroupPayload/properties/id/maxLength",
                        "maxLength tightened: 32 -> 16"),
                new Mutant("a pattern changes",
                        doc -> at(doc, SCHEMAS + "SynchronizedGroupPayload/properties/id").put("pattern", "^[a-z]+$"),
                        Group.CHANGED,
                        "#/components/schemas/SynchronizedGroupPayload/properties/id/pattern",
                        "#/components/schemas/SynchronizedGroupPayload/properties/id/pattern",
                        "pattern `^[A-Za-z0-9]+$` -> `^[a-z]+$`"),
                new Mutant("an array's minItems is tightened",
                        doc -> at(doc, SCHEMAS + "DirectoryProvisioning/properties/mapping").put("minItems", 2),
                        Group.CHANGED,
                        "#/components/schemas/DirectoryProvisioning/properties/mapping/minItems",
                        "#/components/schemas/DirectoryProvisioning/properties/mapping/minItems",
                        "minItems tightened: 1 -> 2"),
                new Mutant("a query parameter's maximum is tightened",
                        doc -> at(doc, LIST + "/parameters/1/schema").put("maximum", 50),
                        Group.CHANGED,
                        "#/paths/~1connections-directory-provisionings/get/parameters/1/schema/maximum",
                        "#/paths/~1connections-directory-provisionings/get/parameters/1/schema/maximum",
                        "maximum tightened: <= 100 -> <= 50"),
                new Mutant("a query parameter's exclusive minimum becomes inclusive",
                        doc -> at(doc, LIST + "/parameters/1/schema").put("minimum", 0).remove("exclusiveMinimum"),
                        Group.CHANGED,
                        "#/paths/~1connections-directory-provisionings/get/parameters/1/schema/minimum",
                        "#/paths/~1connections-directory-provisionings/get/parameters/1/schema/minimum",
                        "minimum loosened: > 0 -> >= 0"),
                new Mutant("a query parameter is removed",
                        doc -> ((ArrayNode) at(doc, LIST).get("parameters")).remove(0),
                        Group.CHANGED,
                        "#/paths/~1connections-directory-provisionings/get/parameters/0",
                        Difference.NOWHERE,
                        "Auth0 documents no query parameter `from`"),
                new Mutant("a required query parameter is added",
                        doc -> ((ArrayNode) at(doc, LIST).get("parameters")).addObject().put("name", "fields")
                                .put("in", "query").put("required", true).putObject("schema").put("type", "string"),
                        Group.UNDESCRIBED,
                        Difference.NOWHERE,
                        "#/paths/~1connections-directory-provisionings/get/parameters/2",
                        "Auth0 documents a required query parameter `fields`"),
                new Mutant("a property nested in array items changes type",
                        doc -> at(doc, SCHEMAS + "DirectoryProvisioningMappingItem/properties/idp")
                                .put("type", "object"),
                        Group.CHANGED,
                        "#/components/schemas/DirectoryProvisioningMappingItem/properties/idp/type",
                        "#/components/schemas/DirectoryProvisioningMappingItem/properties/idp/type",
                        "type string -> object"),
                new Mutant("a response field becomes nullable",
                        doc -> at(doc, SCHEMAS + "DirectoryProvisioning/properties/connection_name")
                                .putArray("type").add("string").add("null"),
                        Group.CHANGED,
                        "#/components/schemas/DirectoryProvisioning/properties/connection_name/type",
                        "#/components/schemas/DirectoryProvisioning/properties/connection_name/type",
                        "Auth0 allows null here; we do not"),
                new Mutant("a nullable field is no longer nullable",
                        doc -> at(doc, SCHEMAS + "DirectoryProvisioning/properties/last_synchronization_error")
                                .put("type", "string"),
                        Group.CHANGED,
                        "#/components/schemas/DirectoryProvisioning/properties/last_synchronization_error/type",
                        "#/components/schemas/DirectoryProvisioning/properties/last_synchronization_error/type",
                        "Auth0 no longer allows null here"),
                new Mutant("a property is removed",
                        doc -> at(doc, SCHEMAS + "DirectoryProvisioning/properties").remove("strategy"),
                        Group.CHANGED,
                        "#/components/schemas/DirectoryProvisioning/properties/strategy",
                        "#/components/schemas/DirectoryProvisioning/properties",
                        "Auth0's schema has no property `strategy`"),
                new Mutant("a property is added",
                        doc -> at(doc, SCHEMAS + "DirectoryProvisioning/properties").putObject("connection_type")
                                .put("type", "string"),
                        Group.UNDESCRIBED,
                        "#/components/schemas/DirectoryProvisioning/properties",
                        "#/components/schemas/DirectoryProvisioning/properties/connection_type",
                        "Auth0 has an optional property `connection_type`"),
                new Mutant("additional properties are allowed",
                        doc -> at(doc, SCHEMAS + "DirectoryProvisioningMappingItem")
                                .put("additionalProperties", true),
                        Group.CHANGED,
                        "#/components/schemas/DirectoryProvisioningMappingItem/additionalProperties",
                        "#/components/schemas/DirectoryProvisioningMappingItem/additionalProperties",
                        "additionalProperties false -> true"),
                new Mutant("a scope changes",
                        doc -> ((ArrayNode) at(doc, PROVISIONING + "/patch").get("security").get(1)
                                .get("oAuth2ClientCredentials")).set(0, "update:connections"),
                        Group.CHANGED,
                        "#/paths/~1connections~1{id}~1directory-provisioning/patch/security",
                        "#/paths/~1connections~1{id}~1directory-provisioning/patch/security",
                        "Auth0 no longer accepts `oAuth2ClientCredentials` with scopes"
                                + " [update:directory_provisionings] (it accepts `bearerAuth` or"
                                + " `oAuth2ClientCredentials` with scopes [update:connections])"),
                new Mutant("a documented response header changes type",
                        doc -> at(doc, LIST + "/responses/429/headers/X-RateLimit-Reset/schema")
                                .put("type", "string"),
                        Group.CHANGED,
                        "#/components/headers/RateLimitReset/schema/type",
                        "#/paths/~1connections-directory-provisionings/get/responses/429/headers/x-ratelimit-reset"
                                + "/schema/type",
                        "type integer -> string"),
                new Mutant("a documented response header is removed",
                        doc -> at(doc, LIST + "/responses/429/headers").remove("X-RateLimit-Reset"),
                        Group.CHANGED,
                        "#/components/headers/RateLimitReset",
                        Difference.NOWHERE,
                        "Auth0 no longer documents response header `x-ratelimit-reset` on status 429"),
                new Mutant("a success loses its body",
                        doc -> at(doc, SYNCHRONIZATIONS + "/responses/201").remove("content"),
                        Group.CHANGED,
                        "#/paths/~1connections~1{id}~1directory-provisioning~1synchronizations/post/responses/201"
                                + "/content/application~1json",
                        Difference.NOWHERE,
                        "Auth0 documents no application/json status 201 body"),
                new Mutant("a JSON request body is no longer accepted",
                        doc -> at(doc, PROVISIONING + "/patch/requestBody/content").remove("application/json"),
                        Group.CHANGED,
                        "#/paths/~1connections~1{id}~1directory-provisioning/patch/requestBody/content"
                                + "/application~1json",
                        Difference.NOWHERE,
                        "Auth0 documents no application/json request body"),
                new Mutant("a request body becomes required",
                        doc -> at(doc, PROVISIONING + "/patch/requestBody").put("required", true),
                        Group.CHANGED,
                        "#/paths/~1connections~1{id}~1directory-provisioning/patch/requestBody/required",
                        "#/paths/~1connections~1{id}~1directory-provisioning/patch/requestBody/required",
                        "Auth0 now requires a request body (required: false -> true)"),
                new Mutant("a $ref no longer resolves",
                        doc -> at(doc, SCHEMAS + "ListDirectoryProvisioningsResponseContent/properties"
                                + "/directory_provisionings/items").put("$ref", "#/components/schemas/Gone"),
                        Group.CHANGED,
                        "#/components/schemas/DirectoryProvisioning",
                        "#/components/schemas/ListDirectoryProvisioningsResponseContent/properties"
                                + "/directory_provisionings/items",
                        "Auth0's `$ref` #/components/schemas/Gone does not resolve"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void reportsEachChangeToAuth0sDocumentInItsGroupAtItsPlace(Mutant mutant) {
        DriftResult result = compare(DriftFixtures.mutated(AUTH0, mutant.mutation()));

        assertThat(result.drifted()).as("drift found").isTrue();
        assertThat(result.differences())
                .as("differences of mutant \"%s\"", mutant.name())
                .anySatisfy(difference -> {
                    assertThat(difference.group()).isEqualTo(mutant.group());
                    assertThat(difference.ours()).isEqualTo(mutant.ours());
                    assertThat(difference.upstream()).isEqualTo(mutant.upstream());
                    assertThat(difference.what()).isEqualTo(mutant.what());
                });
    }

    @Test
    void aResponseWhoseHeadersAuth0StopsDocumentingAltogetherIsListedAsNotCompared() {
        DriftResult result = compare(DriftFixtures.mutated(AUTH0,
                doc -> at(doc, LIST + "/responses/429").remove("headers")));

        assertThat(result.differences()).isEmpty();
        assertThat(result.notCompared()).extracting(NotCompared::toString).contains(
                "#/paths/~1connections-directory-provisionings/get/responses/429/headers:"
                        + " Auth0 documents no response headers for status 429");
    }

    @Test
    void aBodyWeRequireThatAuth0LeavesOptionalIsSomethingWeDoNotDescribe() {
        DriftResult result = new DriftComparator(
                DriftFixtures.mutated(OURS, doc -> at(doc, PROVISIONING + "/patch/requestBody").put("required", true)),
                DriftFixtures.parsed(AUTH0)).compare();

        assertThat(result.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.group()).isEqualTo(Group.UNDESCRIBED);
            assertThat(difference.ours())
                    .isEqualTo("#/paths/~1connections~1{id}~1directory-provisioning/patch/requestBody/required");
            assertThat(difference.what())
                    .isEqualTo("Auth0 also accepts a request without a body (required: true -> false)");
        });
    }

    @Test
    void namesEveryOperationThatReachesASharedSchemaOnce() {
        DriftResult result = compare(DriftFixtures.mutated(AUTH0,
                doc -> at(doc, SCHEMAS + "DirectoryProvisioningMappingItem/properties/auth0").put("minLength", 1)));

        assertThat(result.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.what()).isEqualTo("minLength added: none -> 1");
            assertThat(difference.operations()).containsExactly(
                    "GET /connections-directory-provisionings",
                    "PATCH /connections/{id}/directory-provisioning");
        });
    }

    @Test
    void anOperationOfOursMissingUpstreamIsDriftButUpstreamOperationsElsewhereAreNot() {
        DriftResult result = compare(DriftFixtures.mutated(AUTH0, doc -> {
            ObjectNode paths = at(doc, "/paths");
            paths.set("/users", at(doc, PROVISIONING).deepCopy());
            paths.remove("/connections/{id}/directory-provisioning/synchronized-groups");
        }));

        assertThat(result.differences()).extracting(Difference::what).containsExactly(
                "Auth0's document has no operation PUT /connections/{id}/directory-provisioning/synchronized-groups");
        assertThat(result.in(Group.CHANGED)).hasSize(1);
        assertThat(result.in(Group.UNDESCRIBED)).isEmpty();
    }

    @Test
    void descriptionsSummariesExamplesAndVendorExtensionsAreNotDrift() {
        DriftResult result = compare(DriftFixtures.mutated(AUTH0, doc -> {
            at(doc, PROVISIONING + "/patch").put("summary", "Something else").put("description", "Else")
                    .put("x-release-lifecycle", "deprecated");
            at(doc, SCHEMAS + "DirectoryProvisioning/properties/strategy").put("description", "Other")
                    .put("example", "samlp").put("x-sdk-name", "strategyName");
            at(doc, PROVISIONING + "/patch/responses/404").put("x-description-2", "Gone");
        }));

        assertThat(result.differences()).isEmpty();
    }

    @Test
    void everyDifferenceOfASchemaRenamedAndRetypedIsReported() {
        List<String> whats = compare(DriftFixtures.mutated(AUTH0, doc -> {
            ObjectNode item = at(doc, SCHEMAS + "SynchronizedGroupPayload/properties/id");
            item.put("type", "integer").remove(List.of("minLength", "maxLength", "pattern"));
        })).differences().stream().map(Difference::what).toList();

        assertThat(whats).containsExactlyInAnyOrder("type string -> integer", "minLength removed: 1 -> none",
                "maxLength removed: 32 -> none", "pattern `^[A-Za-z0-9]+$` -> none");
    }

    private static DriftResult compare(io.swagger.v3.oas.models.OpenAPI upstream) {
        return new DriftComparator(DriftFixtures.parsed(OURS), upstream).compare();
    }
}
