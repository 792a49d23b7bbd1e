package org.waypoint.api.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waypoint.core.directory.OrukSource;
import org.waypoint.core.shared.AddressPolicy;

/**
 * Reading another directory's ORUK API, against a small HTTP server on loopback that plays a
 * directory: every page is read, and each way a source can go wrong is one clear problem. The server
 * is on loopback, so these read as tests and development do ({@code allowPrivateAddresses}), except
 * where the policy itself is tested.
 */
class OrukApiReaderTest {

    private HttpServer server;
    private String base;
    private final List<String> asked = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good/services", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (!path.endsWith("/services")) {
                String id = path.substring(path.lastIndexOf('/') + 1);
                asked.add(id);
                answer(exchange, 200, "application/json", "{\"id\": \"" + id + "\", \"name\": \"Service " + id
                        + "\", \"status\": \"active\"}");
                return;
            }
            String query = exchange.getRequestURI().getQuery();
            asked.add(query);
            int page = Integer.parseInt(query.split("&")[0].substring("page=".length()));
            answer(exchange, 200, "application/json", "{\"total_pages\": 2, \"page_number\": " + page + ", \"contents\": ["
                    + "{\"id\": \"s" + page + "\", \"name\": \"Service " + page + "\", \"status\": \"active\"}]}");
        });
        server.createContext("/html/services", exchange -> answer(exchange, 200, "text/html", "<html></html>"));
        server.createContext("/missing/services", exchange -> answer(exchange, 404, "application/json", "{}"));
        server.createContext("/away/services", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://elsewhere.example.org/services");
            answer(exchange, 302, "text/plain", "");
        });
        server.createContext("/moved/services", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            exchange.getResponseHeaders().add("Location", exchange.getRequestURI().getPath().replace("/moved/", "/good/")
                    + (query == null ? "" : "?" + query));
            answer(exchange, 301, "text/plain", "");
        });
        server.createContext("/inward/services", exchange -> {
            asked.add(exchange.getRequestURI().toString());
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            answer(exchange, 302, "text/plain", "");
        });
        server.createContext("/latest", exchange -> {
            asked.add(exchange.getRequestURI().toString());
            answer(exchange, 200, "application/json", "{\"total_pages\": 1, \"contents\": []}");
        });
        server.createContext("/slow/services", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "application/json", "{\"contents\": []}");
        });
        // A whole, valid page in the end, but a byte every 100 ms: each read waits far less than the timeout.
        server.createContext("/trickle/services", exchange -> {
            byte[] page = "{\"total_pages\": 1, \"contents\": []}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (byte b : page) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException readerGone) {
                // the reader gave up, as it should
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everyPageTheDirectorySaysItHasIsReadAndEachServiceOnItInFull() {
        OrukSource source = read(base + "/good/");
        assertThat(source.problems()).isEmpty();
        assertThat(source.services()).extracting(OrukSource.Service::sourceId).containsExactly("s1", "s2");
        assertThat(asked).as("each page, and each service on it in full")
                .containsExactly("page=1&per_page=500", "s1", "page=2&per_page=500", "s2");
    }

    @Test
    void aRedirectWithinTheHostIsFollowedAndOneToAnotherHostIsNot() {
        OrukSource moved = read(base + "/moved");
        assertThat(moved.problems()).isEmpty();
        assertThat(moved.services()).hasSize(2);
        assertThat(read(base + "/away").problems())
                .containsExactly("The directory redirected to another host (elsewhere.example.org): not followed.");
    }

    @Test
    void anAnswerThatIsNotJsonOrNot200IsAProblem() {
        assertThat(read(base + "/html").problems()).containsExactly("The directory answered something other than JSON (text/html).");
        assertThat(read(base + "/missing").problems()).containsExactly("The directory answered 404 to /missing/services.");
    }

    @Test
    void aSlowOrUnreachableDirectoryIsAProblem() throws IOException {
        assertThat(read(base + "/slow").problems()).containsExactly("The directory did not answer within 1 seconds.");
        int closed;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThat(read("http://127.0.0.1:" + closed).problems()).containsExactly("The directory could not be reached at 127.0.0.1.");
    }

    @Test
    void aDirectoryTricklingItsAnswerIsCutOffWhenTheWholeAnswerIsLate() {
        // Read to its end (3.4 s), the page would be a valid one with no problem.
        OrukSource source = read(base + "/trickle");
        assertThat(source.problems()).containsExactly("The directory did not send its whole answer within 1 seconds.");
        assertThat(source.services()).isEmpty();
    }

    @Test
    void anAddressThatIsNotHttpIsAProblem() {
        assertThat(read("ftp://example.org/").problems()).singleElement().asString().startsWith("The address must be an http or https address");
        assertThat(read("not an address").problems()).containsExactly("The address is not a web address.");
    }

    @Test
    void anAddressOnTheServersOwnNetworkIsRefusedBeforeItIsCalled() {
        String rule = "The address is not allowed: url's host is a loopback, private or link-local address, which the server does not call.";
        for (String inward : List.of(base + "/good/", "http://localhost:" + server.getAddress().getPort() + "/good/",
                "http://[::1]/api", "http://10.1.2.3/api", "https://192.168.0.1/api", "http://169.254.169.254/latest/meta-data/")) {
            OrukSource source = read(inward, PUBLIC_ONLY);
            assertThat(source.problems()).as(inward).containsExactly(rule);
            assertThat(source.services()).isEmpty();
        }
        assertThat(asked).as("nothing was asked of the directory on loopback").isEmpty();
        assertThat(read("http://user:secret@203.0.113.10/api", PUBLIC_ONLY).problems())
                .containsExactly("The address is not allowed: url needs a host, and has no user name, password or fragment.");
    }

    /**
     * A directory on a public address (here 203.0.113.10, reached through a proxy that is the test's
     * server) that sends the reader on to the cloud's metadata service: the redirect is not followed
     * and the report says why, not which address.
     */
    @Test
    void aDirectoryThatLeadsToTheServersOwnNetworkIsNotFollowedThere() {
        ProxySelector before = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(new Proxy(Proxy.Type.HTTP, server.getAddress()));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                // the test fails on the problem reported
            }
        });
        OrukSource source;
        try {
            source = read("http://203.0.113.10/inward", PUBLIC_ONLY);
        } finally {
            ProxySelector.setDefault(before);
        }
        assertThat(source.problems()).containsExactly("The directory redirected to an address that is not allowed: "
                + "url's host is a loopback, private or link-local address, which the server does not call.");
        assertThat(source.services()).isEmpty();
        assertThat(asked).as("the public directory was asked, the metadata service never")
                .containsExactly("http://203.0.113.10/inward/services?page=1&per_page=500");
    }

    private static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(true, false);

    private OrukSource read(String address) {
        return read(address, new AddressPolicy(true, true));
    }

    private OrukSource read(String address, AddressPolicy policy) {
        OrukSource source = new OrukSource(1024 * 1024);
        new OrukApiReader(Duration.ofSeconds(1), policy).read(address, source);
        return source;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
