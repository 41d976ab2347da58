package dev.dirprov.contract;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import java.util.function.BiConsumer;

/**
 * One operation as the client calls it: the request that must arrive at the mock server, and the call of the
 * generated API that sends it, for any connection id.
 *
 * <pre>{@code
 * ClientCall get = new ClientCall("getDirectoryProvisioning", "GET", "/connections/{id}/directory-provisioning",
 *     null, null, "read:directory_provisionings",
 *     "a request to read the directory provisioning configuration of a connection",
 *     (api, id) -> api.getDirectoryProvisioning(id));
 * }</pre>
 *
 * @param operationId the spec's operationId, for reading the tables
 * @param method the HTTP method
 * @param pathTemplate the path relative to the API base, {@code {id}} standing for the connection id
 * @param query the query string the client sends, or {@code null} for none
 * @param body the JSON body the client sends, matched literally, or {@code null} for none
 * @param scope the scope a token needs for the operation
 * @param action what the request is for, as the start of a sentence ({@code "a request to ..."})
 * @param invoke calls the generated API for a connection id
 */
record ClientCall(String operationId, String method, String pathTemplate, String query, DslPart body,
    String scope, String action, BiConsumer<DirectoryProvisioningApi, String> invoke) {

  String path(String connectionId) {
    return pathTemplate.replace("{id}", connectionId);
  }

  /** The request as it must arrive, in an interaction with the given state and description. */
  PactDslRequestWithPath request(PactDslWithState state, String description, String connectionId) {
    PactDslRequestWithPath request = body == null
        ? ManagementApiInteractions.request(state, description, method, path(connectionId))
        : ManagementApiInteractions.request(state, description, method, path(connectionId), body);
    return query == null ? request : request.query(query);
  }

  /** The same operation called with other arguments, which send {@code otherQuery} and {@code otherBody}. */
  ClientCall sending(String otherQuery, DslPart otherBody, BiConsumer<DirectoryProvisioningApi, String> otherInvoke) {
    return new ClientCall(operationId, method, pathTemplate, otherQuery, otherBody, scope, action, otherInvoke);
  }

  @Override
  public String toString() {
    return operationId;
  }
}
