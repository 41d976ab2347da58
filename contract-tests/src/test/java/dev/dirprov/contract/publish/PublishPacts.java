package dev.dirprov.contract.publish;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code publish-pacts} profile's step: publishes every pact file the build wrote to the broker at
 * {@code PACT_BROKER_BASE_URL}, as {@link PactPublication} describes, and refuses a dirty work tree.
 *
 * <pre>{@code
 * // what the profile runs (exec-maven-plugin, after every check passed):
 * PublishPacts.main(new String[] {"target/pacts", "0.1.0-SNAPSHOT", "/path/to/checkout", "false"});
 * }</pre>
 *
 * <p>Credentials: {@code PACT_BROKER_TOKEN} (PactFlow, or a broker with bearer tokens), else
 * {@code PACT_BROKER_USERNAME} and {@code PACT_BROKER_PASSWORD} (basic authentication).
 */
public final class PublishPacts {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private PublishPacts() {
    }

    /**
     * Entry point of the profile.
     *
     * @param arguments the pact directory, the project version, the work tree, and {@code true} to publish
     *     from a work tree with uncommitted changes
     * @throws PublishException when nothing was published; the message says why
     */
    public static void main(String[] arguments) throws PublishException {
        if (arguments.length != 4) {
            throw new PublishException("usage: PublishPacts <pact directory> <project version> <work tree>"
                    + " <allow dirty: true|false>");
        }
        List<String> notices = publish(System.getenv(), Path.of(arguments[0]), arguments[1], Path.of(arguments[2]),
                Boolean.parseBoolean(arguments[3]), TIMEOUT);
        notices.forEach(notice -> System.out.println("[pact broker] " + notice));
    }

    /** Publishes and returns the broker's notices. Nothing is sent when a check before publishing fails. */
    static List<String> publish(Map<String, String> env, Path pactDirectory, String projectVersion, Path workTree,
            boolean allowDirty, Duration timeout) throws PublishException {
        String baseUrl = env.get("PACT_BROKER_BASE_URL");
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new PublishException("PACT_BROKER_BASE_URL is not set (the Pact Broker or PactFlow URL)");
        }
        URI base;
        try {
            base = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new PublishException("PACT_BROKER_BASE_URL is not a URL: " + e.getMessage(), e);
        }
        if (base.getScheme() == null || !base.getScheme().matches("https?")) {
            throw new PublishException("PACT_BROKER_BASE_URL must be an http(s) URL, not " + baseUrl);
        }
        String authorization = authorization(env);

        GitWorkTree git = new GitWorkTree(workTree);
        List<String> changes = git.uncommittedChanges();
        if (!changes.isEmpty() && !allowDirty) {
            throw new PublishException("refusing to publish from a work tree with uncommitted changes ("
                    + String.join(", ", changes.subList(0, Math.min(changes.size(), 10)))
                    + (changes.size() > 10 ? ", ..." : "") + "): the pact would not match the commit in its"
                    + " version. Commit them, or pass -Dpact.publish.allowDirty=true");
        }
        PactPublication publication = PactPublication.from(env, projectVersion, git);
        List<Path> pacts = pactFiles(pactDirectory);
        System.out.println("[pact broker] publishing " + pacts.size() + " pact(s) to " + base + " as version "
                + publication.consumerVersion() + " on branch " + publication.branch()
                + (publication.buildUrl() == null ? "" : " (build " + publication.buildUrl() + ")"));
        return new PactBroker(base, authorization, timeout).publish(pacts, publication);
    }

    private static String authorization(Map<String, String> env) throws PublishException {
        String token = env.get("PACT_BROKER_TOKEN");
        if (token != null && !token.isBlank()) {
            return "Bearer " + token.strip();
        }
        String user = env.get("PACT_BROKER_USERNAME");
        String password = env.get("PACT_BROKER_PASSWORD");
        if (user != null && !user.isBlank() && password != null) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }
        throw new PublishException("no broker credentials: set PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and"
                + " PACT_BROKER_PASSWORD");
    }

    private static List<Path> pactFiles(Path directory) throws PublishException {
        if (!Files.isDirectory(directory)) {
            throw new PublishException("no pact directory " + directory + ": run the contract tests first");
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> pacts = files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
            if (pacts.isEmpty()) {
                throw new PublishException("no pact files in " + directory);
            }
            return pacts;
        } catch (IOException e) {
            throw new PublishException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }
}
