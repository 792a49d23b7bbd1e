package org.waypoint.api.directory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;
import org.waypoint.core.directory.OrukSource;

/**
 * Reads another directory's Open Referral UK API page by page ({@code GET <base>/services?page=N}, as
 * many pages as its {@code total_pages} says) into one {@link OrukSource}. What goes wrong becomes a
 * problem of the source, in words an administrator can act on: an address that is not http(s), a
 * host that does not answer or answers too slowly, a redirect (followed only within the same host),
 * an answer other than 200 or other than JSON. The size limit of the source holds across all pages.
 */
public final class OrukApiReader {

    /** No directory needs more pages than this at the page size asked for. */
    static final int MAX_PAGES = 2_000;
    static final int PER_PAGE = 500;
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient http;
    private final Duration timeout;

    public OrukApiReader(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Reads every page of the directory at {@code base} into {@code source}. */
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
        String services = root.toString().replaceAll("/+$", "") + "/services";
        int pages = 1;
        for (int page = 1; page <= pages && source.problems().isEmpty(); page++) {
            OptionalInt total = readPage(URI.create(services + "?page=" + page + "&per_page=" + PER_PAGE), root.getHost(), source);
            if (page == 1 && total.isPresent()) {
                if (total.getAsInt() > MAX_PAGES) {
                    source.problem("The directory has more than " + MAX_PAGES + " pages of " + PER_PAGE + " services.");
                    return;
                }
                pages = total.getAsInt();
            }
        }
    }

    private OptionalInt readPage(URI address, String host, OrukSource source) {
        URI next = address;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest request = HttpRequest.newBuilder(next).timeout(timeout).header("Accept", "application/json").GET().build();
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException slow) {
                source.problem("The directory did not answer within " + timeout.toSeconds() + " seconds.");
                return OptionalInt.empty();
            } catch (IOException unreachable) {
                source.problem("The directory could not be reached at " + next.getHost() + ".");
                return OptionalInt.empty();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                source.problem("Reading the directory was interrupted.");
                return OptionalInt.empty();
            }
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status >= 300 && status < 400) {
                    String location = response.headers().firstValue("Location").orElse("");
                    URI target = next.resolve(location);
                    if (!host.equalsIgnoreCase(target.getHost())) {
                        source.problem("The directory redirected to another host (" + target.getHost() + "): not followed.");
                        return OptionalInt.empty();
                    }
                    next = target;
                    continue;
                }
                if (status != 200) {
                    source.problem("The directory answered " + status + " to " + next.getPath() + ".");
                    return OptionalInt.empty();
                }
                String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
                if (!type.startsWith("application/json") && !type.contains("+json")) {
                    source.problem("The directory answered something other than JSON (" + (type.isEmpty() ? "no type" : type.split(";")[0]) + ").");
                    return OptionalInt.empty();
                }
                return source.read(body);
            } catch (IOException unreadable) {
                source.problem("The directory's answer could not be read.");
                return OptionalInt.empty();
            }
        }
        source.problem("The directory redirected more than " + MAX_REDIRECTS + " times.");
        return OptionalInt.empty();
    }
}
