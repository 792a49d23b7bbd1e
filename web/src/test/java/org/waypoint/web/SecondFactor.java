package org.waypoint.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.waypoint.core.account.Totp;

/**
 * The integration tests' authenticator app: it keeps the secret each account set up (read, as a person
 * would type it, from the set-up page), and makes codes from it, each for a step not used before, so
 * that the server's refusal of a replayed code never trips a test that signs in twice within 30
 * seconds. {@link #enrolThroughPages} sets an account's app up the way its holder does, through the
 * sign-in and set-up pages, with a plain HTTP client; the ITs that need an administrator's API token do
 * that first (every test class starts on a new database, so the app is set up again in each).
 */
final class SecondFactor {

    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private SecondFactor() {
    }

    /** Keeps the secret the set-up page showed for {@code email} (spaces allowed), replacing any before. */
    static void remember(String email, String shownSecret) {
        SECRETS.put(email, shownSecret.replace(" ", ""));
        LAST_STEP.remove(email);
    }

    static boolean knows(String email) {
        return SECRETS.containsKey(email);
    }

    static void forget(String email) {
        SECRETS.remove(email);
        LAST_STEP.remove(email);
    }

    /**
     * A code for the account's app that no earlier call answered: this step's, else the next step's
     * (accepted a step early), else after waiting for the step to turn.
     */
    static synchronized String nextCode(String email) {
        String secret = Optional.ofNullable(SECRETS.get(email))
                .orElseThrow(() -> new AssertionError("no authenticator app was set up for " + email + " by these tests"));
        long last = LAST_STEP.getOrDefault(email, Long.MIN_VALUE);
        long step = Math.max(Totp.step(Instant.now()), last + 1);
        if (step > Totp.step(Instant.now()) + 1) {
            // Time the build spends here is time a test could keep a session or token instead.
            System.out.println("SecondFactor: " + email + " waits for the authenticator's next step");
        }
        while (step > Totp.step(Instant.now()) + 1) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        LAST_STEP.put(email, step);
        return Totp.code(secret, step);
    }

    /** A code of the step {@code stepsAgo} before now, for a test that replays or tries an old code on purpose. */
    static String codeOfStep(String email, long step) {
        return Totp.code(SECRETS.get(email), step);
    }

    /**
     * Signs in on the pages as a browser would (a plain HTTP client keeping cookies), reads the key from
     * the set-up page, confirms it with a code, and answers the recovery codes shown.
     */
    static List<String> enrolThroughPages(URL base, String email, String password) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        URI root;
        try {
            root = base.toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        Document signIn = page(http, HttpRequest.newBuilder(root.resolve("sign-in")).GET());
        Document setUp = submit(http, signIn, "sign-in", "sign-in-button", Map.of("email", email, "password", password));
        Element secret = setUp.getElementById("totp-secret");
        if (secret == null) {
            throw new AssertionError("signing in as " + email + " did not lead to setting up an authenticator app: " + setUp.title());
        }
        remember(email, secret.text());
        Document done = submit(http, setUp, "set-up-second-factor", "set-up-button", Map.of("code", nextCode(email)));
        Element codes = done.getElementById("recovery-codes");
        if (codes == null) {
            throw new AssertionError("the first code did not set the app up for " + email + ": " + done.text());
        }
        return codes.select("li").eachText();
    }

    private static Document submit(HttpClient http, Document page, String formId, String button, Map<String, String> fields) {
        Element form = page.getElementById(formId);
        if (form == null) {
            throw new AssertionError("no form " + formId + " on " + page.title());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            if (!"submit".equals(input.attr("type"))) {
                values.put(input.attr("name"), input.attr("value"));
            }
        }
        values.putAll(fields);
        Element pressed = form.selectFirst("[name=" + button + "]");
        values.put(pressed.attr("name"), pressed.attr("value"));
        String body = values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI action = URI.create(page.location()).resolve(form.attr("action"));
        return page(http, HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Document page(HttpClient http, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(response.request().uri() + " answered " + response.statusCode());
            }
            return Jsoup.parse(response.body(), response.uri().toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
