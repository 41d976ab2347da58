package dev.dirprov.contract.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code publish-pacts} step against a stand-in Pact Broker on 127.0.0.1 and real git work trees: what
 * arrives at the broker (pact content, names, version, branch, build URL), where the version and branch come
 * from, and every refusal, none of which sends anything.
 */
class PublishPactsTest {

    private static final String TOKEN = "pact-token-that-must-stay-secret";
    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final String SHA = "1a2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5";
    private static final String PACT = """
            {"consumer": {"name": "dirprov-client"}, "provider": {"name": "auth0-management-api"},
             "interactions": [{"type": "Synchronous/HTTP", "description": "a request to delete the configuration",
               "request": {"method": "DELETE", "path": "/connections/con_0aB1cD2eF3gH4iJ5/directory-provisioning"},
               "response": {"status": 204}}],
             "metadata": {"pactSpecification": {"version": "4.0"}}}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workTree;
    @TempDir
    Path pacts;

    private StandInPactBroker broker;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        broker = StandInPactBroker.start();
        git("init", "-q", "-b", "main");
        git("config", "user.email", "ci@example.com");
        git("config", "user.name", "CI");
        Files.writeString(workTree.resolve("README.md"), "dirprov\n");
        git("add", "README.md");
        git("commit", "-q", "-m", "first");
        Files.writeString(pacts.resolve("dirprov-client-auth0-management-api.json"), PACT);
        env.put("PACT_BROKER_BASE_URL", broker.url());
        env.put("PACT_BROKER_TOKEN", TOKEN);
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void publishesThePactWithTheVersionBranchAndBuildUrlAsThePactBrokerApiExpects() throws Exception {
        env.putAll(Map.of("GITHUB_SHA", SHA, "GITHUB_REF_NAME", "main", "GITHUB_HEAD_REF", "",
                "GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "dirprov/dirprov",
                "GITHUB_RUN_ID", "4242"));

        List<String> notices = publish(false);

        assertThat(notices).containsExactly("Created pact (stand-in broker)");
        List<StandInPactBroker.Received> requests = broker.requests();
        assertThat(requests).extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /", "POST /contracts/publish");
        for (StandInPactBroker.Received request : requests) {
            assertThat(request.headers()).containsEntry("authorization", "Bearer " + TOKEN);
        }
        assertThat(requests.get(0).headers().get("accept")).contains("application/hal+json");
        StandInPactBroker.Received publish = requests.get(1);
        assertThat(publish.headers()).containsEntry("content-type", "application/json");
        JsonNode body = JSON.readTree(publish.body());
        assertThat(body.path("pacticipantName").asText()).isEqualTo("dirprov-client");
        assertThat(body.path("pacticipantVersionNumber").asText()).isEqualTo("0.1.0-SNAPSHOT+1a2b3c4");
        assertThat(body.path("branch").asText()).isEqualTo("main");
        assertThat(body.path("buildUrl").asText()).isEqualTo("https://github.com/dirprov/dirprov/actions/runs/4242");
        assertThat(body.path("contracts")).hasSize(1);
        JsonNode contract = body.path("contracts").get(0);
        assertThat(contract.path("consumerName").asText()).isEqualTo("dirprov-client");
        assertThat(contract.path("providerName").asText()).isEqualTo("auth0-management-api");
        assertThat(contract.path("specification").asText()).isEqualTo("pact");
        assertThat(contract.path("contentType").asText()).isEqualTo("application/json");
        assertThat(new String(Base64.getDecoder().decode(contract.path("content").asText()), StandardCharsets.UTF_8))
                .isEqualTo(PACT);
    }

    @Test
    void takesTheShaAndTheBranchFromGitWhenCiSaysNothing() throws Exception {
        git("checkout", "-q", "-b", "feature/upstream-drift");
        String head = git("rev-parse", "HEAD").strip();

        publish(false);

        JsonNode body = JSON.readTree(broker.requests().get(1).body());
        assertThat(body.path("pacticipantVersionNumber").asText()).isEqualTo(VERSION + "+" + head.substring(0, 7));
        assertThat(body.path("branch").asText()).isEqualTo("feature/upstream-drift");
        assertThat(body.has("buildUrl")).as("no build URL outside CI").isFalse();
    }

    @Test
    void jenkinsVariablesComeFirstAndLoseTheirRemotePrefix() throws Exception {
        env.putAll(Map.of("GIT_COMMIT", "ABCDEF0123456789abcdef0123456789abcdef01", "GITHUB_SHA", SHA,
                "GIT_BRANCH", "origin/release-1.x", "GITHUB_REF_NAME", "main",
                "BUILD_URL", "https://jenkins.example.com/job/dirprov/17/"));

        PactPublication publication = PactPublication.from(env, VERSION, new GitWorkTree(workTree));

        assertThat(publication).isEqualTo(new PactPublication("0.1.0-SNAPSHOT+abcdef0", "release-1.x",
                "https://jenkins.example.com/job/dirprov/17/"));
    }

    @Test
    void aPullRequestIsPublishedUnderItsSourceBranchNotItsMergeRef() throws Exception {
        env.putAll(Map.of("GITHUB_SHA", SHA, "GITHUB_HEAD_REF", "feature/x", "GITHUB_REF_NAME", "17/merge"));

        assertThat(PactPublication.from(env, VERSION, new GitWorkTree(workTree)).branch()).isEqualTo("feature/x");
    }

    @Test
    void aDetachedHeadWithoutBranchVariablesIsRefused() throws Exception {
        git("checkout", "-q", "--detach");

        assertThatThrownBy(() -> publish(false))
                .isInstanceOf(PublishException.class)
                .hasMessageStartingWith("no branch: HEAD is detached");
        assertThat(broker.requests()).isEmpty();
    }

    @Test
    void refusesToPublishFromADirtyWorkTreeAndSendsNothing() throws Exception {
        Files.writeString(workTree.resolve("README.md"), "changed\n");
        Files.writeString(workTree.resolve("notes.txt"), "untracked\n");

        assertThatThrownBy(() -> publish(false))
                .isInstanceOf(PublishException.class)
                .hasMessageStartingWith("refusing to publish from a work tree with uncommitted changes ( M README.md,"
                        + " ?? notes.txt)")
                .hasMessageEndingWith("pass -Dpact.publish.allowDirty=true");
        assertThat(broker.requests()).isEmpty();
    }

    @Test
    void publishesFromADirtyWorkTreeWhenToldTo() throws Exception {
        Files.writeString(workTree.resolve("notes.txt"), "untracked\n");

        publish(true);

        assertThat(broker.requests()).extracting(StandInPactBroker.Received::path)
                .containsExactly("/", "/contracts/publish");
    }

    @Test
    void withoutABrokerUrlOrCredentialsNothingIsSent() {
        env.remove("PACT_BROKER_TOKEN");
        assertThatThrownBy(() -> publish(false)).isInstanceOf(PublishException.class)
                .hasMessage("no broker credentials: set PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and"
                        + " PACT_BROKER_PASSWORD");

        env.remove("PACT_BROKER_BASE_URL");
        assertThatThrownBy(() -> publish(false)).isInstanceOf(PublishException.class)
                .hasMessage("PACT_BROKER_BASE_URL is not set (the Pact Broker or PactFlow URL)");
        assertThat(broker.requests()).isEmpty();
    }

    @Test
    void basicAuthenticationWhenThereIsNoToken() throws Exception {
        env.remove("PACT_BROKER_TOKEN");
        env.putAll(Map.of("PACT_BROKER_USERNAME", "ci", "PACT_BROKER_PASSWORD", "s3cret"));

        publish(false);

        assertThat(broker.requests().get(1).headers()).containsEntry("authorization",
                "Basic " + Base64.getEncoder().encodeToString("ci:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBrokerTooOldToPublishContractsIsNamed() {
        broker.withoutPublishContracts();

        assertThatThrownBy(() -> publish(false)).isInstanceOf(PublishException.class)
                .hasMessage("the broker at " + broker.url() + " offers no pb:publish-contracts link: publishing"
                        + " needs Pact Broker 2.86.0 or later, or PactFlow");
    }

    @Test
    void aRejectionNamesTheStatusButNeverTheToken() {
        broker.answerPublishWith(401);

        assertThatThrownBy(() -> publish(false)).isInstanceOf(PublishException.class)
                .hasMessageStartingWith("POST " + broker.url() + "/contracts/publish answered 401: ")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aBrokerThatNeverAnswersFailsAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread holder = new Thread(() -> {
                try (Socket held = silent.accept()) {
                    held.setSoTimeout((int) TimeUnit.MINUTES.toMillis(1));
                    held.getInputStream().readAllBytes(); // hold the connection, answer nothing
                } catch (IOException e) {
                    // the test is over
                }
            });
            holder.setDaemon(true);
            holder.start();
            env.put("PACT_BROKER_BASE_URL", "http://127.0.0.1:" + silent.getLocalPort());

            assertThatThrownBy(() -> PublishPacts.publish(env, pacts, VERSION, workTree, false,
                    Duration.ofMillis(300)))
                    .isInstanceOf(PublishException.class)
                    .hasMessage("GET http://127.0.0.1:" + silent.getLocalPort() + "/ did not answer within PT0.3S");
            holder.interrupt();
        }
    }

    private List<String> publish(boolean allowDirty) throws PublishException {
        return PublishPacts.publish(env, pacts, VERSION, workTree, allowDirty, Duration.ofSeconds(20));
    }

    private String git(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", workTree.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("git %s finished", command).isTrue();
        assertThat(process.exitValue()).as("git %s: %s", command, output).isZero();
        return output;
    }
}
