package dev.dirprov.spec.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a document from a file or from a real HTTP server on 127.0.0.1: what cannot be read fails with a
 * message naming the location and the cause, and a server that stalls cannot hold the check past its timeout.
 */
class OpenApiDocumentsTest {

    /** Generous, so a loaded machine never turns an answer into a timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** For the servers that stall on purpose. */
    private static final Duration STALL = Duration.ofMillis(500);

    @TempDir
    Path dir;

    private HttpServer http;
    private ServerSocket raw;
    private final List<Socket> accepted = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopServers() throws IOException {
        release.countDown();
        if (http != null) {
            http.stop(0);
        }
        if (raw != null) {
            raw.close();
        }
        synchronized (accepted) {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void readsAnOpenApi31FileWithItsReferences() throws Exception {
        Path file = write("auth0.yml", DriftFixtures.text(DriftFixtures.AUTH0));

        OpenAPI document = OpenApiDocuments.read(file.toString(), TIMEOUT);

        assertThat(document.getOpenapi()).isEqualTo("3.1.0");
        assertThat(document.getPaths()).containsKey("/connections/{id}/directory-provisioning");
    }

    @Test
    void readsADocumentServedAsJsonOverHttp() throws Exception {
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                new com.fasterxml.jackson.databind.ObjectMapper(
                        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                        .readTree(DriftFixtures.text(DriftFixtures.AUTH0)));
        String url = serve(200, json);

        OpenAPI document = OpenApiDocuments.read(url, TIMEOUT);

        assertThat(document.getInfo().getVersion()).isEqualTo("2.0");
        assertThat(document.getPaths()).hasSize(4);
    }

    @Test
    void aMissingFileIsNamed() {
        String missing = dir.resolve("nowhere.yml").toString();

        assertThatThrownBy(() -> OpenApiDocuments.read(missing, TIMEOUT))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void noLocationAtAllSaysHowToGiveOne() {
        assertThatThrownBy(() -> OpenApiDocuments.read("", TIMEOUT))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("-Dupstream.spec");
    }

    @Test
    void yamlThatIsNotOpenApiIsRejected() throws IOException {
        Path file = write("other.yml", "name: not an api\nitems: [1, 2]\n");

        assertThatThrownBy(() -> OpenApiDocuments.read(file.toString(), TIMEOUT))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageStartingWith(file + ": is not an OpenAPI 3 document");
    }

    @Test
    void brokenYamlIsRejected() throws IOException {
        Path file = write("broken.yml", "openapi: 3.1.0\npaths: {\n  /a: [\n");

        assertThatThrownBy(() -> OpenApiDocuments.read(file.toString(), TIMEOUT))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageStartingWith(file + ": ");
    }

    @Test
    void anOpenApiDocumentWithoutPathsIsRejected() throws IOException {
        Path file = write("empty.yml", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n");

        assertThatThrownBy(() -> OpenApiDocuments.read(file.toString(), TIMEOUT))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageStartingWith(file + ": describes no paths");
    }

    @Test
    void anErrorStatusIsNamedWithTheUrl() throws IOException {
        String url = serve(404, "<html>Not Found</html>");

        assertThatThrownBy(() -> OpenApiDocuments.read(url, TIMEOUT))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessage("GET " + url + " answered 404, not 200 with the document");
    }

    @Test
    void anHtmlPageInsteadOfTheDocumentIsRejected() throws IOException {
        String url = serve(200, "<!doctype html><html><body>Docs</body></html>");

        assertThatThrownBy(() -> OpenApiDocuments.read(url, TIMEOUT))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageStartingWith(url + ": is not an OpenAPI 3 document");
    }

    @Test
    void aServerThatNeverAnswersFailsAfterTheTimeout() throws IOException {
        String url = rawServer(null);

        assertThatThrownBy(() -> OpenApiDocuments.read(url, STALL))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageStartingWith("GET " + url + " did not")
                .hasMessageContaining("within PT0.5S");
    }

    @Test
    void aServerThatStopsHalfwayThroughTheBodyFailsAfterTheTimeout() throws IOException {
        String url = rawServer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                + "{\"openapi\": \"3.1.0\", ");

        assertThatThrownBy(() -> OpenApiDocuments.read(url, STALL))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessage("GET " + url + " did not deliver the document within PT0.5S");
    }

    @Test
    void aPortNobodyListensOnIsNamed() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/openapi.json";

        assertThatThrownBy(() -> OpenApiDocuments.read(url, TIMEOUT))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageStartingWith("GET " + url + " failed: ")
                .hasMessageContaining("Connect");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private String serve(int status, String body) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        http.start();
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/openapi.json";
    }

    /** A server that accepts, sends {@code head} (if any) and then holds the connection open until the test ends. */
    private String rawServer(String head) throws IOException {
        raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                Socket socket = raw.accept();
                synchronized (accepted) {
                    accepted.add(socket);
                }
                if (head != null) {
                    socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
                    socket.getOutputStream().flush();
                }
                release.await();
            } catch (IOException | InterruptedException e) {
                // the test is over
            }
        }, "stalling-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return "http://127.0.0.1:" + raw.getLocalPort() + "/openapi.json";
    }
}
