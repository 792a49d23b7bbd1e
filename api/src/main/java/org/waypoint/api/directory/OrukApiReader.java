package org.waypoint.api.directory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.waypoint.core.directory.OrukSource;
import org.waypoint.core.shared.AddressPolicy;
import org.waypoint.core.shared.InvalidField;

/**
 * Reads another directory's Open Referral UK API page by page ({@code GET <base>/services?page=N}, as
 * many pages as its {@code total_pages} says), and each service listed in full ({@code GET
 * <base>/services/{id}}), into one {@link OrukSource}. What goes wrong becomes a
 * problem of the source, in words an administrator can act on: an address that is not http(s), a
 * host that does not answer or answers too slowly, a redirect (followed only within the same host),
 * an answer other than 200 or other than JSON. The size limit of the source holds across all pages.
 * <p>
 * The address is the administrator's to choose, not the server's network: every address called (the
 * base, each page, each service, each redirect) is checked against the {@link AddressPolicy} just
 * before the call, so that neither the address given nor a name that later resolves elsewhere makes
 * the server read its own network (a cloud's metadata service, an internal admin page).
 * <p>
 * Each answer, redirects included, must arrive whole within the timeout: HttpClient's own timeout
 * ends when the headers arrive, and a source trickling its body a byte at a time would otherwise hold
 * the import (and its administrator) for as long as it liked.
 */
public final class OrukApiReader {

    /** No directory needs more pages than this at the page size asked for. */
    static final int MAX_PAGES = 2_000;
    static final int PER_PAGE = 500;
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient http;
    private final Duration timeout;
    private final AddressPolicy policy;

    public OrukApiReader(Duration timeout, AddressPolicy policy) {
        this.timeout = timeout;
        this.policy = policy;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Reads every page of the directory at {@code base}, and each service on it in full (a page lists
     * only a service's own fields, as the profile has it), into {@code source}.
     */
    public void read(String base, OrukSource source) {
        URI root;
        try {
            root = new URI(base == null ? "" : base.strip());
        } catch (URISyntaxException notAnAddress) {
            source.problem("The address is not a web address.");
            return;
        }
        String scheme = root.getScheme() == null ? "" : root.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || root.getHost() == null) {
            source.problem("The address must be an http or https address of an ORUK API, such as https://example.org/api.");
            return;
        }
        Optional<String> refused = refusal(root);
        if (refused.isPresent()) {
            source.problem("The address is not allowed: " + refused.get() + ".");
            return;
        }
        String services = root.toString().replaceAll("/+$", "") + "/services";
        int pages = 1;
        for (int page = 1; page <= pages && source.problems().isEmpty(); page++) {
            Page read = new Page();
            fetch(URI.create(services + "?page=" + page + "&per_page=" + PER_PAGE), root.getHost(), source, read::read);
            if (!source.problems().isEmpty()) {
                return;
            }
            if (read.ids == null) {
                source.problem("Page " + page + " of the directory is not a page of services with their ids.");
                return;
            }
            if (page == 1) {
                if (read.totalPages > MAX_PAGES) {
                    source.problem("The directory has more than " + MAX_PAGES + " pages of " + PER_PAGE + " services.");
                    return;
                }
                pages = read.totalPages;
            }
            for (String id : read.ids) {
                if (source.problems().isEmpty()) {
                    fetch(URI.create(services + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")),
                            root.getHost(), source, source::readService);
                }
            }
        }
    }

    /** The ids on one page of services, and the number of pages it says there are (1 if it does not say). */
    private static final class Page {

        private List<String> ids;
        private int totalPages = 1;

        void read(InputStream body) {
            try (JsonReader reader = Json.createReader(new BoundedInputStream(body))) {
                JsonObject page = reader.readObject();
                JsonValue total = page.get("total_pages");
                if (total instanceof JsonNumber number && number.isIntegral()) {
                    totalPages = (int) Math.max(0, Math.min(Integer.MAX_VALUE, number.longValue()));
                }
                List<String> found = new ArrayList<>();
                for (JsonValue item : page.getJsonArray("contents")) {
                    found.add(item.asJsonObject().getString("id"));
                }
                ids = found;
            } catch (Late late) {
                throw late;
            } catch (RuntimeException notAPage) {
                ids = null;
            }
        }
    }

    /** A page of at most {@link #PER_PAGE} services' own fields is far below this. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {

        private static final long MAX_PAGE = 64L * 1024 * 1024;
        private long read;

        BoundedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > MAX_PAGE) {
                throw new IOException("page too large");
            }
        }
    }

    private void fetch(URI address, String host, OrukSource source, Consumer<InputStream> reading) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI next = address;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                source.problem(slow());
                return;
            }
            Optional<String> refused = refusal(next);
            if (refused.isPresent()) {
                source.problem("The directory led to an address that is not allowed: " + refused.get() + ".");
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(next).timeout(Duration.ofNanos(left))
                    .header("Accept", "application/json").GET().build();
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException slow) {
                source.problem(slow());
                return;
            } catch (IOException unreachable) {
                source.problem("The directory could not be reached at " + next.getHost() + ".");
                return;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                source.problem("Reading the directory was interrupted.");
                return;
            }
            try (InputStream body = new Deadline(response.body(), deadline - System.nanoTime())) {
                int status = response.statusCode();
                if (status >= 300 && status < 400) {
                    String location = response.headers().firstValue("Location").orElse("");
                    URI target;
                    try {
                        target = next.resolve(location);
                    } catch (IllegalArgumentException notAnAddress) {
                        source.problem("The directory redirected to something that is not a web address.");
                        return;
                    }
                    if (!host.equalsIgnoreCase(target.getHost())) {
                        source.problem(refusal(target).map(rule -> "The directory redirected to an address that is not allowed: "
                                + rule + ".").orElse("The directory redirected to another host (" + target.getHost() + "): not followed."));
                        return;
                    }
                    next = target;
                    continue;
                }
                if (status != 200) {
                    source.problem("The directory answered " + status + " to " + next.getPath() + ".");
                    return;
                }
                String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
                if (!type.startsWith("application/json") && !type.contains("+json")) {
                    source.problem("The directory answered something other than JSON (" + (type.isEmpty() ? "no type" : type.split(";")[0]) + ").");
                    return;
                }
                reading.accept(body);
                return;
            } catch (Late late) {
                source.problem("The directory did not send its whole answer within " + timeout.toSeconds() + " seconds.");
                return;
            } catch (IOException unreadable) {
                source.problem("The directory's answer could not be read.");
                return;
            }
        }
        source.problem("The directory redirected more than " + MAX_REDIRECTS + " times.");
    }

    /** Why the policy refuses to call {@code address} now, if it does (its host is resolved again each time). */
    private Optional<String> refusal(URI address) {
        try {
            policy.check(address.toString());
            return Optional.empty();
        } catch (InvalidField refused) {
            return Optional.of(refused.getMessage());
        }
    }

    private String slow() {
        return "The directory did not answer within " + timeout.toSeconds() + " seconds.";
    }

    /**
     * An answer's body that is closed when its time is up, which ends a read waiting for bytes that
     * come too slowly or not at all; any read after that throws {@link Late}. Late is unchecked so
     * that it passes through the JSON parser (which makes its stream's IOExceptions its own, read as
     * bad JSON) to {@link #fetch}, which names the real problem.
     */
    private static final class Deadline extends java.io.FilterInputStream {

        private final AtomicBoolean passed = new AtomicBoolean();
        private final CompletableFuture<Void> closing;

        Deadline(InputStream body, long nanos) {
            super(body);
            closing = CompletableFuture.runAsync(() -> {
                passed.set(true);
                try {
                    body.close();
                } catch (IOException alreadyGone) {
                    // the read waiting on it ends all the same
                }
            }, CompletableFuture.delayedExecutor(Math.max(0, nanos), TimeUnit.NANOSECONDS));
        }

        @Override
        public int read() throws IOException {
            try {
                return onTime(super.read());
            } catch (IOException closed) {
                onTime(0);
                throw closed;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return onTime(super.read(buffer, offset, length));
            } catch (IOException closed) {
                onTime(0);
                throw closed;
            }
        }

        private int onTime(int read) {
            if (passed.get()) {
                throw new Late();
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            closing.cancel(false);
            super.close();
        }
    }

    /** The time for an answer passed while it was being read. */
    private static final class Late extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Late() {
            super("late", null, false, false);
        }
    }
}
