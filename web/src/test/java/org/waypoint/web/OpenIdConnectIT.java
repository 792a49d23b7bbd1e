package org.waypoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Staff of a police unit sign in through the force's own OpenID Connect provider: a real one
 * ({@code mock-oauth2-server}, started here in the test JVM, issuing tokens signed with its own keys)
 * that Payara reaches at {@code http://localhost:<port>/waypoint}. An administrator sets the provider on
 * the organisations page; a caseworker then goes from the sign-in page through the provider to their
 * referral list in chromium, and their password no longer works. A wrong audience, an expired ID token,
 * a wrong nonce, an address with no account, an account of another organisation, a state used twice and
 * a callback in another browser each end at "We could not sign you in", signed in as nobody.
 *
 * <p>The deployment's public address (from which its one redirect URI is made) must be known before the
 * server starts, and Arquillian gives Payara a random port: so the public address is a port of this JVM
 * that forwards to Payara's, and the browser uses it, as a browser would use the load balancer's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenIdConnectIT {

    private static final String ISSUER_ID = "waypoint";
    private static final String CLIENT_ID = "waypoint-it";
    private static final String PASSWORD = "integration-password-1";
    private static final String CASEY = "oidc-casey@police.example";
    private static final String SAM = "oidc-sam@charity.example";

    private static final MockOAuth2Server PROVIDER = new MockOAuth2Server();
    private static Forwarder publicAddress;
    private static String police;

    @ArquillianResource
    private URL deployed;

    /** The deployment's public address, through the forwarder: {@code http://localhost:<port>}. */
    private String base;

    /** The real WAR, whose public address is this JVM's forwarder and whose client secret for the provider is set. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        ServerLog.install();
        PROVIDER.start();
        publicAddress = new Forwarder();
        String settings = String.join("\n",
                "config_ordinal=500",
                "waypoint.public-url=http://localhost:" + publicAddress.port(),
                "waypoint.it.idp-secret=the-client-secret", "");
        return Deployments.waypoint().addAsLibrary(ShrinkWrap.create(JavaArchive.class, "it-oidc.jar")
                .addAsManifestResource(new StringAsset(settings), "microprofile-config.properties"));
    }

    @AfterAll
    static void stop() {
        PROVIDER.shutdown();
        if (publicAddress != null) {
            publicAddress.close();
        }
    }

    @BeforeEach
    void throughThePublicAddress() {
        URL loopback = Deployments.loopback(deployed);
        publicAddress.to(loopback.getPort());
        base = "http://localhost:" + publicAddress.port();
    }

    /**
     * At 127.0.0.1, while the browser reaches Waypoint at localhost: another site, as a real provider is,
     * so that the browser keeps Waypoint's SameSite=Strict cookies back from the provider's redirect and
     * sends the Lax cookie that binds the sign-in.
     */
    private static String issuer() {
        return "http://127.0.0.1:" + PROVIDER.url("/").port() + "/" + ISSUER_ID;
    }

    @Test
    @Order(10)
    void anAdministratorGivesThePoliceUnitItsProviderOnTheOrganisationsPage() {
        String adminEmail = System.getProperty("waypoint.it.admin-email");
        String adminPassword = System.getProperty("waypoint.it.admin-password");
        ApiClient admin = ApiClient.anonymous(url(base)).signIn(adminEmail, adminPassword);
        police = admin.newOrganisation("IT OIDC Police", "REFERRER");
        String charity = admin.newOrganisation("IT OIDC Charity", "PROVIDER");
        for (String[] user : new String[][] {{CASEY, "CASEWORKER", police}, {SAM, "SERVICE_STAFF", charity},
                {"oidc-other@police.example", "CASEWORKER", police}}) {
            assertThat(admin.post("api/v1/users", Json.createObjectBuilder().add("email", user[0]).add("displayName", "Someone")
                    .add("role", user[1]).add("organisationId", user[2]).add("password", PASSWORD).build()).status())
                    .isEqualTo(201);
        }

        try (Browser browser = new Browser(url(base))) {
            WebDriver page = browser.driver();
            browser.open("/sign-in");
            type(page, "email", adminEmail);
            type(page, "password", adminPassword);
            browser.follow(By.id("sign-in-button"));
            type(page, "code", SecondFactor.nextCode(adminEmail));
            browser.follow(By.id("second-factor-button"));

            browser.open("/admin/organisations");
            assertThat(page.findElement(By.id("redirect-uri")).getText()).isEqualTo(base + "/sign-in/callback");
            new org.openqa.selenium.support.ui.Select(page.findElement(By.id("organisation"))).selectByVisibleText("IT OIDC Police");
            type(page, "issuer", "http://login.police.example/" + ISSUER_ID);
            type(page, "clientId", CLIENT_ID);
            type(page, "secretName", "waypoint.it.idp-secret");
            browser.follow(By.id("set-provider-button"));
            assertThat(page.findElement(By.id("issuer-error")).getText()).as("plain http only on loopback").contains("https://");

            new org.openqa.selenium.support.ui.Select(page.findElement(By.id("organisation"))).selectByVisibleText("IT OIDC Police");
            type(page, "issuer", issuer());
            browser.follow(By.id("set-provider-button"));
            assertThat(page.findElement(By.id("notice")).getText()).contains("Its staff now sign in through it");
            assertThat(page.findElement(By.id("organisations")).getText()).contains(issuer() + " (" + CLIENT_ID + ")");
            browser.checkAccessibility();

            browser.open("/admin/audit?recordId=" + police);
            assertThat(page.findElement(By.tagName("main")).getText()).contains("ORGANISATION")
                    .contains("identity provider set: " + issuer() + " client " + CLIENT_ID).doesNotContain("the-client-secret");
        }
    }

    @Test
    @Order(20)
    void aCaseworkerSignsInThroughTheirOrganisationsAccountAndTheirPasswordNoLongerWorks() {
        try (Browser browser = new Browser(url(base))) {
            WebDriver page = browser.driver();
            browser.open("/referrals");
            assertThat(page.getCurrentUrl()).contains("/sign-in?returnTo=");

            type(page, "email", CASEY);
            type(page, "password", PASSWORD);
            browser.follow(By.id("sign-in-button"));
            assertThat(page.findElement(By.id("email-error")).getText())
                    .contains("Your organisation signs you in with its own account");
            browser.checkAccessibility();

            PROVIDER.enqueueCallback(as(CASEY, Map.of()));
            browser.follow(By.id("organisation-" + police));
            new org.openqa.selenium.support.ui.WebDriverWait(page, Duration.ofSeconds(20))
                    .until(d -> URI.create(d.getCurrentUrl()).getPath().equals("/referrals"));
            assertThat(page.getCurrentUrl()).startsWith(base);
            assertThat(page.findElement(By.tagName("h1")).getText()).isNotBlank();
            assertThat(page.findElements(By.id("sign-out"))).as("signed in").isNotEmpty();
        }
        ApiClient.Reply token = ApiClient.anonymous(url(base)).post("api/v1/auth/token",
                Json.createObjectBuilder().add("email", CASEY).add("password", PASSWORD).build());
        assertThat(token.status()).isEqualTo(403);
        assertThat(token.body()).contains("organisation-sign-in-required").doesNotContain(CASEY);
    }

    @Test
    @Order(30)
    void anIdTokenForAnotherAudienceExpiredOrWithAnotherNonceSignsNobodyIn() throws Exception {
        assertRefused(flow(client(), as(CASEY, Map.of("aud", "another-client"))));
        assertRefused(flow(client(), new DefaultOAuth2TokenCallback(ISSUER_ID, "casey", "JWT", List.of(CLIENT_ID),
                Map.of("email", CASEY), -600)));
        assertRefused(flow(client(), as(CASEY, Map.of("nonce", "not-the-nonce-sent"))));
        assertRefused(flow(client(), as(CASEY, Map.of("email_verified", false))));
        HttpClient mixedUp = client();
        // Another provider's answer names its own issuer (RFC 9207), as a mix-up attack would bring it here;
        // refused before any code is exchanged, so no token is queued at the provider for it.
        String answer = toCallback(mixedUp, null).replaceAll("&iss=[^&]*", "");
        assertRefused(get(mixedUp, answer + "&iss=" + java.net.URLEncoder.encode("https://another-provider.example",
                java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(flow(client(), as(CASEY, Map.of())).statusCode()).as("and the right one does").isEqualTo(200);
    }

    @Test
    @Order(40)
    void anAddressWithoutAnAccountOrAnAccountOfAnotherOrganisationSignsNobodyIn() throws Exception {
        assertRefused(flow(client(), as("nobody@police.example", Map.of())));
        assertRefused(flow(client(), as(SAM, Map.of())));
        // Casey has signed in through the provider (above): their account is the person it knows, and
        // their address, given by the organisation to someone else, signs that person in to nothing.
        assertRefused(flow(client(), new DefaultOAuth2TokenCallback(ISSUER_ID, "someone-else", "JWT", List.of(CLIENT_ID),
                Map.of("email", CASEY, "email_verified", true), 3600)));
        assertThat(ServerLog.seen()).as("the server's log is seen").isPositive();
        assertThat(ServerLog.lines()).as("the server's log").noneMatch(l -> l.contains("nobody@police.example") || l.contains(SAM))
                .anyMatch(l -> l.contains("Organisation sign-in refused: UNKNOWN_ACCOUNT"))
                .anyMatch(l -> l.contains("Organisation sign-in refused: OTHER_SUBJECT"));
    }

    @Test
    @Order(50)
    void aStateIsUsedOnceAndOnlyByTheBrowserThatLeftWithIt() throws Exception {
        HttpClient casey = client();
        String callback = toCallback(casey, as(CASEY, Map.of()));
        // The session cookie is SameSite=Strict, which a browser does not send along a redirect chain that
        // passed through the provider: the callback moves on to the next page from a page of its own.
        HttpResponse<String> first = get(casey, callback);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(movedOnTo(first)).hasValue("/referrals");
        assertThat(first.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("waypoint_session="));

        assertRefused(get(client(), callback));
        assertRefused(get(casey, callback));

        HttpClient left = client();
        String notTheirs = toCallback(left, as(CASEY, Map.of()));
        assertRefused(get(client(), notTheirs));
        assertRefused(get(left, notTheirs));
    }

    /** Where a page of Waypoint's moves the browser on to by itself (its refresh), if it does. */
    private static java.util.Optional<String> movedOnTo(HttpResponse<String> page) {
        java.util.regex.Matcher refresh = java.util.regex.Pattern.compile("http-equiv=\"refresh\" content=\"0;url=([^\"]*)\"")
                .matcher(page.body());
        return refresh.find() ? java.util.Optional.of(refresh.group(1).replace("&amp;", "&")) : java.util.Optional.empty();
    }

    private static DefaultOAuth2TokenCallback as(String email, Map<String, Object> claims) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of("email", email, "email_verified", true));
        all.putAll(claims);
        return new DefaultOAuth2TokenCallback(ISSUER_ID, "subject-" + email.hashCode(), "JWT", List.of(CLIENT_ID), all, 3600);
    }

    /** The whole flow by HTTP, as a browser follows it: begin, the provider's answer, the callback. */
    private HttpResponse<String> flow(HttpClient browser, DefaultOAuth2TokenCallback token) throws Exception {
        return get(browser, toCallback(browser, token));
    }

    /**
     * Begins a sign-in and goes through the provider, answering the address the provider sends the browser back to;
     * {@code token} is what the provider issues when the code is exchanged (none queued when null).
     */
    private String toCallback(HttpClient browser, DefaultOAuth2TokenCallback token) throws Exception {
        HttpResponse<String> begin = get(browser, base + "/sign-in/organisation?organisation=" + police);
        assertThat(begin.statusCode()).isEqualTo(303);
        String authorise = begin.headers().firstValue("Location").orElseThrow();
        assertThat(authorise).startsWith(issuer() + "/authorize").contains("code_challenge_method=S256")
                .contains("nonce=").contains("state=").contains("client_id=" + CLIENT_ID)
                .contains("redirect_uri=" + java.net.URLEncoder.encode(base + "/sign-in/callback", java.nio.charset.StandardCharsets.UTF_8));
        if (token != null) {
            PROVIDER.enqueueCallback(token);
        }
        HttpResponse<String> provider = get(browser, authorise);
        assertThat(provider.statusCode()).isEqualTo(302);
        String callback = provider.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(base + "/sign-in/callback?");
        return callback;
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/sign-in?organisationFailed=true"));
        assertThat(response.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("waypoint_session="));
    }

    private static HttpClient client() {
        CookieManager cookies = new CookieManager();
        cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> get(HttpClient client, String address) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void type(WebDriver page, String id, String text) {
        page.findElement(By.id(id)).clear();
        page.findElement(By.id(id)).sendKeys(text);
    }

    private static URL url(String address) {
        try {
            return URI.create(address + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A loopback port that passes every connection on to Payara's port, once that is known: the
     * deployment's public address, fixed before the server starts.
     */
    private static final class Forwarder implements AutoCloseable {
        private final ServerSocket listener;
        private volatile int target;

        Forwarder() {
            try {
                listener = new ServerSocket();
                listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread accepting = new Thread(this::accept, "public-address");
            accepting.setDaemon(true);
            accepting.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        void to(int port) {
            target = port;
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                    pump(client, server);
                    pump(server, client);
                } catch (IOException closedOrRefused) {
                    // the next connection is tried anew
                }
            }
        }

        private static void pump(Socket from, Socket to) {
            Thread copying = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException ended) {
                    // one side closed
                } finally {
                    try {
                        from.close();
                        to.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            }, "public-address-pump");
            copying.setDaemon(true);
            copying.start();
        }

        @Override
        public void close() {
            try {
                listener.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
