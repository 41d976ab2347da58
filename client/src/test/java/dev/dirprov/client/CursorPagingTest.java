package dev.dirprov.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.DirectoryProvisioning;
import dev.dirprov.client.model.ListDirectoryProvisioningsResponseContent;
import dev.dirprov.client.model.ListSynchronizedGroupsResponseContent;
import dev.dirprov.client.model.SynchronizedGroupPayload;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Walking both list operations page by page against a real server. */
class CursorPagingTest {

  // Cursors are opaque; these carry the characters base64 and URL encoding trip over.
  private static final String SECOND = "c2Vjb25k+/==";
  private static final String THIRD = "YWJj%3D";
  private static final String FOURTH = "a%2Fb c&take=1";

  @RegisterExtension
  static LocalApi local = new LocalApi();

  private static WireMockServer server;

  @BeforeEach
  void server() {
    server = local.server();
  }

  private DirectoryProvisioningApi api() {
    return local.client();
  }

  private static String configuration(String id) {
    return "{\"connection_id\":\"" + id + "\",\"connection_name\":\"n\",\"strategy\":\"google-apps\","
        + "\"mapping\":[{\"auth0\":\"email\",\"idp\":\"primaryEmail\"}],\"synchronize_automatically\":true,"
        + "\"created_at\":\"2026-03-02T09:15:27Z\",\"updated_at\":\"2026-03-02T09:15:27Z\"}";
  }

  private static void page(String from, String body) {
    server.stubFor(get(urlPathEqualTo("/api/v2/connections-directory-provisionings"))
        .withQueryParam("from", from == null ? absent() : equalTo(from))
        .withQueryParam("take", equalTo("2"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
  }

  private static void threePages() {
    page(null, "{\"directory_provisionings\":[" + configuration("con_1") + "," + configuration("con_2")
        + "],\"next\":\"" + SECOND.replace("\\", "\\\\") + "\"}");
    page(SECOND, "{\"directory_provisionings\":[" + configuration("con_3") + "],\"next\":\"" + THIRD + "\"}");
    page(THIRD, "{\"directory_provisionings\":[" + configuration("con_4") + "],\"next\":\"" + FOURTH + "\"}");
    page(FOURTH, "{\"directory_provisionings\":[" + configuration("con_5") + "]}");
  }

  private static Stream<DirectoryProvisioning> all(DirectoryProvisioningApi api) {
    return CursorPaging.stream(
        from -> api.listDirectoryProvisionings(from, 2),
        ListDirectoryProvisioningsResponseContent::getDirectoryProvisionings,
        ListDirectoryProvisioningsResponseContent::getNext);
  }

  @Test
  void walksEveryPageAndStopsAtTheOneWithoutNext() {
    threePages();

    List<String> ids = all(api()).map(DirectoryProvisioning::getConnectionId).collect(Collectors.toList());

    assertThat(ids).containsExactly("con_1", "con_2", "con_3", "con_4", "con_5");
    server.verify(4, getRequestedFor(urlPathEqualTo("/api/v2/connections-directory-provisionings")));
  }

  @Test
  void passesEachCursorBackExactlyAsTheServerSentIt() {
    threePages();

    all(api()).count();

    server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/connections-directory-provisionings"))
        .withQueryParam("from", equalTo(SECOND)));
    server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/connections-directory-provisionings"))
        .withQueryParam("from", equalTo(THIRD)));
    server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/connections-directory-provisionings"))
        .withQueryParam("from", equalTo(FOURTH)));
  }

  @Test
  void fetchesAPageOnlyWhenItsItemsAreNeeded() {
    threePages();

    List<DirectoryProvisioning> firstTwo = all(api()).limit(2).collect(Collectors.toList());

    assertThat(firstTwo).hasSize(2);
    server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/connections-directory-provisionings")));
  }

  @Test
  void anIterableStartsAgainAtTheFirstPageEachTime() {
    threePages();
    DirectoryProvisioningApi api = api();
    Iterable<DirectoryProvisioning> iterable = CursorPaging.iterable(
        from -> api.listDirectoryProvisionings(from, 2),
        ListDirectoryProvisioningsResponseContent::getDirectoryProvisionings,
        ListDirectoryProvisioningsResponseContent::getNext);

    Iterator<DirectoryProvisioning> first = iterable.iterator();
    assertThat(first.next().getConnectionId()).isEqualTo("con_1");
    Iterator<DirectoryProvisioning> second = iterable.iterator();
    assertThat(second.next().getConnectionId()).isEqualTo("con_1");
    server.verify(2, getRequestedFor(urlPathEqualTo("/api/v2/connections-directory-provisionings")));
  }

  @Test
  void walksSynchronizedGroupsWithTheSameHelper() {
    String path = "/api/v2/connections/con_1/directory-provisioning/synchronized-groups";
    server.stubFor(get(urlPathEqualTo(path)).withQueryParam("from", absent())
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"groups\":[{\"id\":\"g1\"}],\"next\":\"p2\"}")));
    server.stubFor(get(urlPathEqualTo(path)).withQueryParam("from", equalTo("p2"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"groups\":[],\"next\":\"p3\"}")));
    server.stubFor(get(urlPathEqualTo(path)).withQueryParam("from", equalTo("p3"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"groups\":[{\"id\":\"g2\"}]}")));
    DirectoryProvisioningApi api = api();

    List<String> groups = CursorPaging.stream(
            from -> api.listSynchronizedGroups("con_1", from, null),
            ListSynchronizedGroupsResponseContent::getGroups,
            ListSynchronizedGroupsResponseContent::getNext)
        .map(SynchronizedGroupPayload::getId)
        .collect(Collectors.toList());

    assertThat(groups).containsExactly("g1", "g2");
    server.verify(getRequestedFor(urlPathEqualTo(path)).withQueryParam("take", absent()));
  }

  @Test
  void refusesAServerThatPointsAPageAtItself() {
    page(null, "{\"directory_provisionings\":[],\"next\":\"same\"}");
    page("same", "{\"directory_provisionings\":[" + configuration("con_1") + "],\"next\":\"same\"}");

    Stream<DirectoryProvisioning> items = all(api());

    assertThatThrownBy(items::count)
        .isInstanceOf(ManagementApiException.class)
        .hasMessageContaining("cursor same came back");
  }

  @Test
  void refusesPagesThatPointBackToAnEarlierPage() {
    page(null, "{\"directory_provisionings\":[" + configuration("con_1") + "],\"next\":\"A\"}");
    page("A", "{\"directory_provisionings\":[" + configuration("con_2") + "],\"next\":\"B\"}");
    page("B", "{\"directory_provisionings\":[" + configuration("con_3") + "],\"next\":\"A\"}");

    Stream<DirectoryProvisioning> items = all(api()).limit(1000);

    assertThatThrownBy(items::count)
        .isInstanceOf(ManagementApiException.class)
        .hasMessageContaining("cursor A came back");
    server.verify(3, getRequestedFor(urlPathEqualTo("/api/v2/connections-directory-provisionings")));
  }

  @Test
  void stopsAfterABoundedRunOfEmptyPages() {
    server.stubFor(get(urlPathEqualTo("/api/v2/connections-directory-provisionings"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"directory_provisionings\":[],\"next\":\"{{randomValue length=16 type='ALPHANUMERIC'}}\"}")
            .withTransformers("response-template")));

    Iterator<DirectoryProvisioning> items = all(api()).iterator();

    assertThatThrownBy(items::hasNext)
        .isInstanceOf(ManagementApiException.class)
        .hasMessageContaining("empty pages in a row");
    server.verify(CursorPaging.MAX_EMPTY_PAGES,
        getRequestedFor(urlPathEqualTo("/api/v2/connections-directory-provisionings")));
  }
}
