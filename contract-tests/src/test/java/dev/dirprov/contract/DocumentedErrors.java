package dev.dirprov.contract;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static dev.dirprov.contract.ManagementApiInteractions.CONNECTION_ID;
import static dev.dirprov.contract.ManagementApiInteractions.HAS_DIRECTORY_PROVISIONING;
import static dev.dirprov.contract.ManagementApiInteractions.HAS_NO_DIRECTORY_PROVISIONING;
import static dev.dirprov.contract.ManagementApiInteractions.MISSING_CONNECTION_ID;
import static dev.dirprov.contract.ManagementApiInteractions.THREE_CONFIGURATIONS;

import au.com.dius.pact.consumer.dsl.DslPart;
import dev.dirprov.client.model.CreateDirectoryProvisioningRequestContent;
import dev.dirprov.client.model.DirectoryProvisioningMappingItem;
import dev.dirprov.client.model.ReplaceSynchronizedGroupsRequestContent;
import dev.dirprov.client.model.SynchronizedGroupPayload;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of every documented error status of every operation: one row per interaction. The errors every
 * operation shares (401, 403, 429) are made for each call; those particular to an operation (400, 404, 409)
 * are listed with the state that provokes them and the text Auth0 documents for it.
 *
 * <pre>{@code
 * for (DocumentedError error : DocumentedErrors.all()) {
 *   V4Pact pact = error.pact();
 * }
 * }</pre>
 */
final class DocumentedErrors {

  private static final String READ = "read:directory_provisionings";
  private static final String CREATE_SCOPE = "create:directory_provisionings";
  private static final String UPDATE_SCOPE = "update:directory_provisionings";
  private static final String DELETE_SCOPE = "delete:directory_provisionings";

  private static final String CONFIGURATION = "/connections/{id}/directory-provisioning";
  private static final String GROUPS = CONFIGURATION + "/synchronized-groups";

  /** A database connection: its strategy has no directory to provision from. */
  static final String DATABASE_CONNECTION_ID = "con_4dB5eF6gH7iJ8kL9";
  /** One character longer than Auth0 accepts as a connection id. */
  static final String OVERLONG_CONNECTION_ID = "con_" + "0".repeat(1021);

  private static final DslPart TURN_ON = newJsonBody(body -> body.booleanValue("synchronize_automatically", true))
      .build();
  private static final DslPart ONE_GROUP = newJsonBody(body -> body.array("groups",
      groups -> groups.object(group -> group.stringValue("id", "03rdcrjn2nl6hzp")))).build();

  static final ClientCall LIST = new ClientCall("listDirectoryProvisionings", "GET",
      "/connections-directory-provisionings", null, null, READ,
      "a request to list the tenant's directory provisioning configurations",
      (api, id) -> api.listDirectoryProvisionings(null, null));
  static final ClientCall GET = new ClientCall("getDirectoryProvisioning", "GET", CONFIGURATION, null, null, READ,
      "a request to read the directory provisioning configuration of a connection",
      (api, id) -> api.getDirectoryProvisioning(id));
  static final ClientCall CREATE = new ClientCall("createDirectoryProvisioning", "POST", CONFIGURATION, null,
      TURN_ON, CREATE_SCOPE, "a request to create the directory provisioning configuration of a connection",
      (api, id) -> api.createDirectoryProvisioning(id,
          new CreateDirectoryProvisioningRequestContent().synchronizeAutomatically(true)));
  static final ClientCall DELETE = new ClientCall("deleteDirectoryProvisioning", "DELETE", CONFIGURATION, null,
      null, DELETE_SCOPE, "a request to delete the directory provisioning configuration of a connection",
      (api, id) -> api.deleteDirectoryProvisioning(id));
  static final ClientCall UPDATE = new ClientCall("updateDirectoryProvisioning", "PATCH", CONFIGURATION, null,
      TURN_ON, UPDATE_SCOPE, "a request to update the directory provisioning configuration of a connection",
      (api, id) -> api.updateDirectoryProvisioning(id,
          new UpdateDirectoryProvisioningRequestContent().synchronizeAutomatically(true)));
  static final ClientCall DEFAULT_MAPPING = new ClientCall("getDirectoryProvisioningDefaultMapping", "GET",
      CONFIGURATION + "/default-mapping", null, null, READ,
      "a request for the default attribute mapping of a connection",
      (api, id) -> api.getDirectoryProvisioningDefaultMapping(id));
  static final ClientCall SYNCHRONIZE = new ClientCall("createDirectorySynchronization", "POST",
      CONFIGURATION + "/synchronizations", null, null, CREATE_SCOPE,
      "a request to synchronize the directory of a connection", (api, id) -> api.createDirectorySynchronization(id));
  static final ClientCall LIST_GROUPS = new ClientCall("listSynchronizedGroups", "GET", GROUPS, null, null, READ,
      "a request to list the synchronized groups of a connection",
      (api, id) -> api.listSynchronizedGroups(id, null, null));
  static final ClientCall REPLACE_GROUPS = new ClientCall("replaceSynchronizedGroups", "PUT", GROUPS, null,
      ONE_GROUP, UPDATE_SCOPE, "a request to replace the synchronized groups of a connection",
      (api, id) -> api.replaceSynchronizedGroups(id, new ReplaceSynchronizedGroupsRequestContent()
          .groups(List.of(new SynchronizedGroupPayload().id("03rdcrjn2nl6hzp")))));

  static final List<ClientCall> CALLS = List.of(LIST, GET, CREATE, DELETE, UPDATE, DEFAULT_MAPPING, SYNCHRONIZE,
      LIST_GROUPS, REPLACE_GROUPS);

  private DocumentedErrors() {
  }

  /** Every row, those shared by every operation first. */
  static List<DocumentedError> all() {
    List<DocumentedError> rows = new ArrayList<>();
    for (ClientCall call : CALLS) {
      rows.add(new DocumentedError(call, CONNECTION_ID, "the access token is not valid for the tenant",
          call.action() + " with an invalid access token", 401, "Unauthorized", "Invalid token.", null));
      rows.add(new DocumentedError(call, CONNECTION_ID, "the access token lacks the " + call.scope() + " scope",
          call.action() + " with a token that lacks the " + call.scope() + " scope", 403, "Forbidden",
          "Insufficient scope, expected any of: " + call.scope(), "insufficient_scope"));
      rows.add(new DocumentedError(call, CONNECTION_ID, "the tenant has used up its rate limit",
          call.action() + " while the tenant's rate limit is used up", 429, "Too Many Requests",
          "Global limit has been reached", "too_many_requests"));
    }
    rows.addAll(badRequests());
    rows.addAll(notFound());
    rows.addAll(conflicts());
    return rows;
  }

  private static List<DocumentedError> badRequests() {
    String databaseConnection = "connection " + DATABASE_CONNECTION_ID + " is a database connection";
    String unsupported = "The connection strategy does not support inbound directory provisioning";
    DslPart emptyAttributeName = newJsonBody(body -> body.array("mapping", mapping ->
        mapping.object(item -> item.stringValue("auth0", "").stringValue("idp", "primaryEmail")))).build();
    return List.of(
        badRequest(LIST.sending("from=not-a-cursor", null,
                (api, id) -> api.listDirectoryProvisionings("not-a-cursor", null)),
            CONNECTION_ID, THREE_CONFIGURATIONS,
            LIST.action() + " from a cursor the API never gave out",
            "Invalid pagination cursor", "invalid_query_string"),
        badRequest(GET, DATABASE_CONNECTION_ID, databaseConnection,
            "a request to read the directory provisioning configuration of a database connection", unsupported,
            null),
        badRequest(CREATE, CONNECTION_ID,
            "the Google Workspace Users API is not enabled for connection " + CONNECTION_ID,
            CREATE.action() + " whose Users API is off",
            "The Google Workspace Users API is not enabled on the connection. Select the Enable Users API option and"
                + " go through the setup again.", null),
        badRequest(DELETE, OVERLONG_CONNECTION_ID, "no connection id is longer than 1024 characters",
            "a request to delete the directory provisioning configuration of an id of more than 1024 characters",
            "Path validation error: 'String is too long (1025 chars), maximum 1024' on property id (The id of the"
                + " connection).", "invalid_uri"),
        badRequest(UPDATE.sending(null, emptyAttributeName, (api, id) -> api.updateDirectoryProvisioning(id,
                new UpdateDirectoryProvisioningRequestContent().mapping(List.of(
                    new DirectoryProvisioningMappingItem().auth0("").idp("primaryEmail"))))),
            CONNECTION_ID, HAS_DIRECTORY_PROVISIONING, "a request to map an empty Auth0 attribute name",
            "Payload validation error: 'String is too short (0 chars), minimum 1' on property mapping[0].auth0.",
            "invalid_body"),
        badRequest(DEFAULT_MAPPING, DATABASE_CONNECTION_ID, databaseConnection,
            "a request for the default attribute mapping of a database connection", unsupported, null),
        badRequest(SYNCHRONIZE, CONNECTION_ID,
            "connection " + CONNECTION_ID + " was synchronized less than 30 minutes ago",
            "a request to synchronize a connection that was synchronized less than 30 minutes ago",
            "Connection has been synchronized in the last 30 minutes. Please wait before synchronizing it again.",
            null),
        badRequest(LIST_GROUPS.sending("from=expired-cursor",
                null, (api, id) -> api.listSynchronizedGroups(id, "expired-cursor", null)),
            CONNECTION_ID, "connection " + CONNECTION_ID + " synchronizes selected groups",
            LIST_GROUPS.action() + " from an expired cursor",
            "The pagination token has expired.", null),
        badRequest(REPLACE_GROUPS, CONNECTION_ID,
            "the Google Workspace Groups API is not enabled for connection " + CONNECTION_ID,
            REPLACE_GROUPS.action() + " whose Groups API is off",
            "The Google Workspace Groups API is not enabled on the connection. Select the Enable Groups API option"
                + " and go through the setup again.", null));
  }

  private static List<DocumentedError> notFound() {
    String noConfiguration = "Directory provisioning configuration not found";
    String noConnectionConfiguration = "Connection directory provisioning configuration not found";
    return List.of(
        connectionNotFound(GET, GET.action() + " that does not exist"),
        connectionNotFound(CREATE, CREATE.action() + " that does not exist"),
        connectionNotFound(DELETE, DELETE.action() + " that does not exist"),
        connectionNotFound(UPDATE, "a request to update a connection that does not exist"),
        notFound(UPDATE, "a request to update a connection without directory provisioning", noConfiguration),
        connectionNotFound(DEFAULT_MAPPING, DEFAULT_MAPPING.action() + " that does not exist"),
        notFound(SYNCHRONIZE, "a request to synchronize a connection without directory provisioning", noConfiguration),
        notFound(LIST_GROUPS, LIST_GROUPS.action() + " without directory provisioning", noConnectionConfiguration),
        notFound(REPLACE_GROUPS, REPLACE_GROUPS.action() + " without directory provisioning",
            noConnectionConfiguration));
  }

  private static List<DocumentedError> conflicts() {
    return List.of(
        conflict(CREATE, HAS_DIRECTORY_PROVISIONING,
            "a request to create the directory provisioning configuration of a connection that already has one",
            "Directory provisioning is already enabled on the specified connection"),
        conflict(SYNCHRONIZE, "a synchronization of connection " + CONNECTION_ID + " is in progress",
            "a request to synchronize a connection while a synchronization of it is in progress",
            "A synchronization has already been requested or is in progress for the connection"),
        conflict(REPLACE_GROUPS, "another change to the synchronized groups of connection " + CONNECTION_ID
                + " is in progress",
            REPLACE_GROUPS.action() + " while another change to them is in progress",
            "Conflict"));
  }

  private static DocumentedError badRequest(ClientCall call, String connectionId, String state, String description,
      String message, String errorCode) {
    return new DocumentedError(call, connectionId, state, description, 400, "Bad Request", message, errorCode);
  }

  private static DocumentedError connectionNotFound(ClientCall call, String description) {
    return new DocumentedError(call, MISSING_CONNECTION_ID, "no connection " + MISSING_CONNECTION_ID + " exists",
        description, 404, "Not Found", "The connection does not exist", "inexistent_connection");
  }

  private static DocumentedError notFound(ClientCall call, String description, String message) {
    return new DocumentedError(call, CONNECTION_ID, HAS_NO_DIRECTORY_PROVISIONING, description, 404, "Not Found",
        message, null);
  }

  private static DocumentedError conflict(ClientCall call, String state, String description, String message) {
    return new DocumentedError(call, CONNECTION_ID, state, description, 409, "Conflict", message, null);
  }
}
