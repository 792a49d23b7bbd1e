package org.waypoint.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The edge Waypoint is deployed behind — HAProxy with {@code deploy/haproxy/haproxy.cfg}, unchanged —
 * started in front of the server under test, so that the tests can call Waypoint the way its callers
 * do in production. HAProxy must be installed (Debian's {@code haproxy}; {@code .ci/run} installs it).
 */
final class Edge implements AutoCloseable {

    private static final Path CONFIG = Path.of("..", "deploy", "haproxy");

    private final Process process;
    private final URI base;

    private Edge(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Starts the edge in front of {@code server} and waits until it passes requests on. */
    static Edge start(URL server) throws IOException, InterruptedException {
        Path config = CONFIG.resolve("haproxy.cfg").toAbsolutePath().normalize();
        if (!Files.isRegularFile(config)) {
            throw new IllegalStateException("no edge configuration at " + config);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder("haproxy", "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "edge.log").toFile());
        builder.environment().put("WAYPOINT_EDGE_BIND", "127.0.0.1:" + port);
        builder.environment().put("WAYPOINT_BACKEND", server.getHost() + ":" + server.getPort());
        builder.environment().put("WAYPOINT_EDGE_ERRORS", config.getParent().resolve("errors").toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException notInstalled) {
            throw new IllegalStateException("HAProxy is needed for the edge tests: apt-get install haproxy", notInstalled);
        }
        Edge edge = new Edge(process, URI.create("http://127.0.0.1:" + port + server.getPath()));
        edge.awaitServerUp();
        return edge;
    }

    URI base() {
        return base;
    }

    URL url() {
        try {
            return base.toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress(base.getHost(), base.getPort());
    }

    /** HAProxy answers 503 until its first health check of the server passes. */
    private void awaitServerUp() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy stopped; see web/target/edge.log");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base.resolve("health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // HAProxy is still starting
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the edge did not pass requests on within 60 s; see web/target/edge.log");
            }
            Thread.sleep(250);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
