package org.waypoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole application in a real Payara Micro: it becomes ready on a migrated database, and the
 * directory reaches both the API and the page from the database. In demo mode (the Derby run) the
 * demo services are there; with demo mode off (the PostgreSQL run) nothing of them is. Matching sees
 * a change made through another instance within two seconds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WaypointIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final int DEMO_SERVICES = 12;

    @ArquillianResource
    private URL base;

    @org.junit.jupiter.api.BeforeEach
    void onLoopback() {
        base = Deployments.loopback(base);
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        ServerLog.install();
        return Deployments.waypoint();
    }

    /**
     * Every instance keeps its snapshot of the directory for matching current by polling the
     * directory's version. On PostgreSQL the test is the other instance: it changes a service and the
     * version straight in the shared database, and the server's matching shows the change within two
     * seconds though nothing was said to it. (Embedded Derby belongs to the server's JVM alone, so there
     * the test sees a change made through the server itself.) Either way the refreshes run cleanly.
     */
    @Test
    @Order(Integer.MAX_VALUE) // last: the others see the demo directory as it was loaded
    void matchesAgainstADirectoryChangedThroughAnotherInstanceWithinTwoSeconds() throws Exception {
        ApiClient admin = ApiClient.anonymous(base).signIn(System.getProperty("waypoint.it.admin-email"),
                System.getProperty("waypoint.it.admin-password"));
        String police = created(admin.post("api/v1/organisations", Json.createObjectBuilder()
                .add("name", "IT Shetland Victim Care").add("kind", "REFERRER").build()));
        String charity = created(admin.post("api/v1/organisations", Json.createObjectBuilder()
                .add("name", "IT Shetland Trust").add("kind", "PROVIDER").build()));
        created(admin.post("api/v1/users", Json.createObjectBuilder().add("email", "it-shetland@example.org")
                .add("displayName", "IT Shetland").add("role", "CASEWORKER").add("organisationId", police)
                .add("password", "integration-password-1").build()));
        String serviceId = created(admin.post("api/v1/services", Json.createObjectBuilder()
                .add("organisationId", charity).add("name", "IT Shetland Counselling").add("description", "Counselling.")
                .add("categories", Json.createArrayBuilder().add("COUNSELLING"))
                .add("postcodeAreas", Json.createArrayBuilder().add("ZE"))
                .add("referralInbox", "it-shetland-inbox@example.org").build()));
        ApiClient caseworker = ApiClient.anonymous(base).signIn("it-shetland@example.org", "integration-password-1");
        String match = "api/v1/services/match?need=COUNSELLING&postcode=ZE1&age=30&gender=FEMALE&risk=STANDARD"
                + "&crime=OTHER&exclusions=true";

        assertThat(offered(caseworker, match)).as("a change made through this instance is matched at once")
                .containsExactly("IT Shetland Counselling");

        String url = System.getProperty("waypoint.it.db-url");
        if (url.startsWith("jdbc:postgresql:")) {
            try (Connection connection = DriverManager.getConnection(url, System.getProperty("waypoint.it.db-user"), "")) {
                connection.setAutoCommit(false);
                try (PreparedStatement close = connection.prepareStatement(
                        "UPDATE support_service SET capacity = 'CLOSED' WHERE id = ?");
                     Statement version = connection.createStatement()) {
                    close.setString(1, serviceId);
                    assertThat(close.executeUpdate()).isEqualTo(1);
                    version.executeUpdate("UPDATE directory_version SET version = version + 1 WHERE id = 1");
                }
                connection.commit();
            }
            long changedAt = System.nanoTime();
            while (!offered(caseworker, match).isEmpty()) {
                assertThat(Duration.ofNanos(System.nanoTime() - changedAt))
                        .as("closed through another instance, and still offered here").isLessThan(Duration.ofSeconds(2));
                Thread.sleep(50);
            }
        }
        Thread.sleep(2000);
        assertThat(ServerLog.lines()).as("the refreshes of the snapshot, every second since the start")
                .noneMatch(line -> line.contains("Refreshing the directory's snapshot failed")
                        || line.contains("No invocation on invocation stack"));
    }

    private static String created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("id");
    }

    private static List<String> offered(ApiClient caseworker, String match) {
        ApiClient.Reply reply = caseworker.get(match);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("matches").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getJsonObject("service").getString("name")).toList();
    }

    @Test
    void isReadyOnceTheDatabaseAnswersAndIsMigrated() throws Exception {
        HttpResponse<String> response = get(base.toURI().resolve("/health/ready"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject health = json(response.body()).asJsonObject();
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonArray("checks").getValuesAs(JsonObject.class))
                .anySatisfy(check -> {
                    assertThat(check.getString("name")).isEqualTo("database");
                    assertThat(check.getString("status")).isEqualTo("UP");
                });
    }

    @Test
    void namesNoServerAndKeepsMetricsClosed() throws Exception {
        HttpResponse<String> page = get(base.toURI());
        HttpResponse<String> metrics = get(base.toURI().resolve("/metrics"));

        assertThat(page.headers().firstValue("Server")).isEmpty();
        assertThat(metrics.statusCode()).isNotEqualTo(200);
        assertThat(metrics.body()).doesNotContain("jvm", "base_", "vendor_");
    }

    @Test
    @Order(Integer.MAX_VALUE - 1) // after those that see the demo directory as it was loaded: it adds a service
    void countsASubmissionFailedSignInsAndALockoutForAdministratorsOnlyNamingNoOne() {
        ApiClient admin = ApiClient.anonymous(base).signIn(System.getProperty("waypoint.it.admin-email"),
                System.getProperty("waypoint.it.admin-password"));
        String police = created(admin.post("api/v1/organisations", Json.createObjectBuilder()
                .add("name", "IT Metrics Victim Care").add("kind", "REFERRER").build()));
        String charity = created(admin.post("api/v1/organisations", Json.createObjectBuilder()
                .add("name", "IT Metrics Trust").add("kind", "PROVIDER").build()));
        admin.newUser("it-metrics@example.org", "CASEWORKER", police, "integration-password-1");
        admin.newUser("it-metrics-locked@example.org", "CASEWORKER", police, "integration-password-1");
        String serviceId = created(admin.post("api/v1/services", Json.createObjectBuilder()
                .add("organisationId", charity).add("name", "IT Metrics Counselling").add("description", "Counselling.")
                .add("categories", Json.createArrayBuilder().add("COUNSELLING"))
                .add("postcodeAreas", Json.createArrayBuilder().add("M"))
                .add("referralInbox", "it-metrics-inbox@example.org").build()));
        ApiClient caseworker = ApiClient.anonymous(base).signIn("it-metrics@example.org", "integration-password-1");
        String before = metrics(admin);

        String person = created(caseworker.post("api/v1/clients", Json.createObjectBuilder()
                .add("givenName", "Morgan").add("familyName", "Metricsworth").add("dateOfBirth", "1990-05-01")
                .add("gender", "FEMALE").add("postcode", "M14 5RT").build()));
        String referral = created(caseworker.post("api/v1/referrals", Json.createObjectBuilder()
                .add("clientId", person).add("serviceId", serviceId)
                .add("needs", Json.createObjectBuilder().add("needs", Json.createArrayBuilder().add("COUNSELLING"))
                        .add("crimeTypes", Json.createArrayBuilder().add("STALKING"))
                        .add("riskLevel", "STANDARD").add("urgency", "URGENT"))
                .build()));
        ApiClient.Reply consent = caseworker.post("api/v1/referrals/" + referral + "/consent", Json.createObjectBuilder()
                .add("basis", "GIVEN_BY_PERSON").add("shareContactDetails", true).add("shareCaseDetails", true)
                .add("method", "IN_PERSON").build());
        assertThat(caseworker.post("api/v1/referrals/" + referral + "/submit", null,
                java.util.Map.of("If-Match", consent.etag())).status()).isEqualTo(200);
        ApiClient stranger = ApiClient.anonymous(base);
        for (int attempt = 0; attempt < 6; attempt++) {
            assertThat(stranger.post("api/v1/auth/token", Json.createObjectBuilder().add("email", "it-metrics-locked@example.org")
                    .add("password", "not-the-password-" + attempt).build()).status()).isEqualTo(401);
        }
        assertThat(stranger.post("api/v1/auth/token", Json.createObjectBuilder().add("email", "it-metrics-nobody@example.org")
                .add("password", "whatever-it-is-1").build()).status()).isEqualTo(401);
        String after = metrics(admin);

        assertThat(value(after, "waypoint_referrals_submitted_total{urgency=\"URGENT\"}")
                - value(before, "waypoint_referrals_submitted_total{urgency=\"URGENT\"}")).isEqualTo(1.0);
        assertThat(value(after, "waypoint_sign_in_failures_total{reason=\"wrong_password\"}")
                - value(before, "waypoint_sign_in_failures_total{reason=\"wrong_password\"}")).isEqualTo(5.0);
        assertThat(value(after, "waypoint_sign_in_failures_total{reason=\"refused\"}")
                - value(before, "waypoint_sign_in_failures_total{reason=\"refused\"}")).as("the sixth, while locked").isEqualTo(1.0);
        assertThat(value(after, "waypoint_sign_in_failures_total{reason=\"unknown_account\"}")
                - value(before, "waypoint_sign_in_failures_total{reason=\"unknown_account\"}")).isEqualTo(1.0);
        assertThat(value(after, "waypoint_account_lockouts_total") - value(before, "waypoint_account_lockouts_total")).isEqualTo(1.0);
        assertThat(value(after, "http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/referrals/{id}/submit\",status=\"200\"}"))
                .isGreaterThanOrEqualTo(1.0);
        assertThat(value(after, "http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/auth/token\",status=\"401\"}"))
                .isGreaterThanOrEqualTo(7.0);
        assertThat(value(after, "waypoint_referrals_overdue")).isGreaterThanOrEqualTo(0.0);
        assertThat(value(after, "waypoint_outbox_oldest_pending_age_seconds")).isGreaterThanOrEqualTo(0.0);
        assertThat(value(after, "waypoint_outbox_messages{kind=\"NEW_REFERRAL\",status=\"FAILED\"}")).isGreaterThanOrEqualTo(0.0);
        assertThat(value(after, "waypoint_outbox_deliveries_total{channel=\"email\"}")).isGreaterThanOrEqualTo(0.0);
        assertThat(value(after, "waypoint_outbox_delivery_failures_total{channel=\"webhook\",outcome=\"failed\"}"))
                .isGreaterThanOrEqualTo(0.0);
        assertThat(after).contains("# TYPE jvm_memory_used_bytes gauge", "jvm_gc_", "jvm_threads_live_threads", "process_uptime_seconds")
                .as("no ids, addresses or names in any series")
                .doesNotContain(referral, person, "it-metrics", "Metricsworth", "/api/v1/referrals/" + referral.substring(0, 8));

        ApiClient.Reply notAnAdministrator = caseworker.get("metrics");
        assertThat(notAnAdministrator.status()).isEqualTo(404);
        assertThat(notAnAdministrator.contentType()).startsWith("application/problem+json");
        assertThat(notAnAdministrator.body()).doesNotContain("waypoint_", "jvm");
        assertThat(ApiClient.anonymous(base).get("metrics").status()).isEqualTo(401);
    }

    @Test
    void anAdministratorVerifiesTheAuditTrailWithAPersonalTokenAndNoOneElseMay() {
        ApiClient admin = ApiClient.anonymous(base).signIn(System.getProperty("waypoint.it.admin-email"),
                System.getProperty("waypoint.it.admin-password"));

        ApiClient.Reply report = admin.get("admin/audit-chain");

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.json().getBoolean("whole")).as(report.body()).isTrue();
        assertThat(report.json().getJsonArray("breaks")).isEmpty();
        assertThat(admin.get("admin/audit-chain").json().getJsonNumber("eventsChecked").longValue())
                .as("the verification is itself audited").isGreaterThan(report.json().getJsonNumber("eventsChecked").longValue());
        assertThat(ApiClient.anonymous(base).get("admin/audit-chain").status()).isEqualTo(401);
    }

    @Test
    void anAdministratorRotatesTheKeysWithAPersonalTokenAndSeesItFinishWithNoValueUnderAnotherKey() throws Exception {
        ApiClient admin = ApiClient.anonymous(base).signIn(System.getProperty("waypoint.it.admin-email"),
                System.getProperty("waypoint.it.admin-password"));

        ApiClient.Reply started = admin.post("admin/key-rotation", jakarta.json.JsonValue.EMPTY_JSON_OBJECT);

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().getInt("tables")).isPositive();
        ApiClient.Reply status = admin.get("admin/key-rotation");
        for (int wait = 0; wait < 120 && !status.json().getBoolean("finished"); wait++) {
            Thread.sleep(250);
            status = admin.get("admin/key-rotation");
        }
        assertThat(status.json().getBoolean("finished")).as(status.body()).isTrue();
        assertThat(status.json().getInt("tablesDone")).isEqualTo(status.json().getInt("tables"));
        assertThat(status.json().getJsonNumber("valuesUnderOtherKeys").longValue()).isZero();
        assertThat(status.json().getString("targetKey")).isNotBlank();
        assertThat(ApiClient.anonymous(base).post("admin/key-rotation", jakarta.json.JsonValue.EMPTY_JSON_OBJECT).status())
                .isEqualTo(401);
    }

    /**
     * {@code bin/waypoint backup} takes an online backup through {@code POST /admin/backup} while
     * caseworkers go on submitting, and {@code bin/waypoint restore} brings it back into a fresh data
     * folder: the restored database, opened by this JVM, holds every referral acknowledged before the
     * backup began, with its reference, and the audit record of the backup itself. Only an administrator's
     * token may ask. On PostgreSQL the server refuses, pointing to PostgreSQL's own tools.
     */
    @Test
    @Order(Integer.MAX_VALUE - 2) // adds a service: after those that see the demo directory as it was loaded
    void backsUpUnderSubmissionsAndTheRestoredCopyHoldsEveryReferralAcknowledgedBeforeTheBackupBegan() throws Exception {
        ApiClient admin = ApiClient.anonymous(base).signIn(System.getProperty("waypoint.it.admin-email"),
                System.getProperty("waypoint.it.admin-password"));
        assertThat(ApiClient.anonymous(base).post("admin/backup", null).status()).isEqualTo(401);
        if (System.getProperty("waypoint.it.db-url").startsWith("jdbc:postgresql:")) {
            ApiClient.Reply refused = admin.post("admin/backup", null);
            ApiClient.assertProblem(refused, 409);
            assertThat(refused.json().getString("detail")).contains("PostgreSQL", "pg_dump");
            return;
        }
        String police = admin.newOrganisation("IT Backup Victim Care", "REFERRER");
        String charity = admin.newOrganisation("IT Backup Trust", "PROVIDER");
        admin.newUser("it-backup@example.org", "CASEWORKER", police, "integration-password-1");
        String service = created(admin.post("api/v1/services", Json.createObjectBuilder()
                .add("organisationId", charity).add("name", "IT Backup Counselling").add("description", "Counselling.")
                .add("categories", Json.createArrayBuilder().add("COUNSELLING"))
                .add("postcodeAreas", Json.createArrayBuilder().add("M"))
                .add("referralInbox", "it-backup-inbox@example.org").build()));
        ApiClient caseworker = ApiClient.anonymous(base).signIn("it-backup@example.org", "integration-password-1");
        ApiClient.assertProblem(caseworker.post("admin/backup", null), 404);

        java.util.Queue<Acknowledged> acknowledged = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ExecutorService submitters = java.util.concurrent.Executors.newFixedThreadPool(3);
        List<java.util.concurrent.Future<?>> loops = java.util.stream.IntStream.range(0, 3)
                .mapToObj(n -> submitters.submit(() -> {
                    while (!stop.get()) {
                        acknowledged.add(submitted(caseworker, service));
                    }
                    return null;
                })).collect(java.util.stream.Collectors.toList());
        Path it = Path.of(System.getProperty("waypoint.it.data-dir")).getParent();
        Path backupDir = it.resolve("it-backup");
        Path restoredData = it.resolve("it-restored");
        deleteRecursively(backupDir);
        deleteRecursively(restoredData);
        Command backup;
        long began;
        long ended;
        try {
            awaitAtLeast(acknowledged, 6, loops);
            began = System.nanoTime();
            backup = command(Map.of("WAYPOINT_ADMIN_TOKEN", admin.token(), "WAYPOINT_HTTP_PORT", String.valueOf(base.getPort())),
                    "backup", backupDir.toString());
            ended = System.nanoTime();
            int afterwards = acknowledged.size() + 3;
            awaitAtLeast(acknowledged, afterwards, loops);
        } finally {
            stop.set(true);
            submitters.shutdown();
        }
        for (java.util.concurrent.Future<?> loop : loops) {
            loop.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("Backed up to " + backupDir, "The keys are not in it");
        JsonObject taken = json(Files.readString(backupDir.resolve("backup.json"))).asJsonObject();
        assertThat(Path.of(taken.getString("folder"))).as("moved out of the server's backup root").doesNotExist();
        assertThat(backupDir.resolve(taken.getString("database")).resolve("service.properties")).exists();
        List<Acknowledged> before = acknowledged.stream().filter(a -> a.at() < began).toList();
        assertThat(before).hasSizeGreaterThanOrEqualTo(6);
        assertThat(acknowledged).as("submissions went on after the backup").anyMatch(a -> a.at() > ended);

        Command restore = command(Map.of("WAYPOINT_DATA_DIR", restoredData.toString()), "restore", backupDir.toString());
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("Restored " + restoredData.resolve("derby"));
        Command again = command(Map.of("WAYPOINT_DATA_DIR", restoredData.toString()), "restore", backupDir.toString());
        assertThat(again.exitCode()).as("a database there is replaced only when asked").isEqualTo(2);
        assertThat(again.output()).contains("already holds a database", "--replace");

        String restored = "jdbc:derby:" + restoredData.resolve("derby");
        java.util.Map<String, String> references = new java.util.HashMap<>();
        List<String> audited = new java.util.ArrayList<>();
        try (Connection connection = DriverManager.getConnection(restored, System.getProperty("waypoint.it.db-user"), "");
             Statement statement = connection.createStatement()) {
            try (java.sql.ResultSet rows = statement.executeQuery("SELECT id, reference FROM referral WHERE reference IS NOT NULL")) {
                while (rows.next()) {
                    references.put(rows.getString(1).strip(), rows.getString(2));
                }
            }
            try (PreparedStatement events = connection.prepareStatement(
                    "SELECT action, outcome FROM audit_event WHERE record_type = 'DATABASE' AND record_id = ?")) {
                events.setString(1, taken.getString("name"));
                try (java.sql.ResultSet rows = events.executeQuery()) {
                    while (rows.next()) {
                        audited.add(rows.getString(1) + " " + rows.getString(2));
                    }
                }
            }
        } finally {
            try {
                DriverManager.getConnection(restored + ";shutdown=true").close();
            } catch (java.sql.SQLException expected) {
                // 08006: the restored database shut down.
            }
        }
        for (Acknowledged referral : before) {
            assertThat(references).as("acknowledged before the backup began").containsEntry(referral.id(), referral.reference());
        }
        List<Acknowledged> after = acknowledged.stream().filter(a -> a.begun() > ended).toList();
        assertThat(references.keySet()).as("a copy as it was then, not as it is now")
                .doesNotContainAnyElementsOf(after.stream().map(Acknowledged::id).toList());
        assertThat(audited).as("the backup holds the audit record of its own taking").containsExactly("READ SUCCESS");
        System.out.printf("Backup under load: %d referrals acknowledged before it began, %d while it ran (%d ms), %d begun after%n",
                before.size(), acknowledged.stream().filter(a -> a.at() >= began && a.at() <= ended).count(),
                Duration.ofNanos(ended - began).toMillis(), after.size());
    }

    /** A referral whose submission the server acknowledged: when (System.nanoTime) it was begun, and when acknowledged. */
    private record Acknowledged(String id, String reference, long begun, long at) {
    }

    private static Acknowledged submitted(ApiClient caseworker, String service) {
        long begun = System.nanoTime();
        String person = created(caseworker.post("api/v1/clients", Json.createObjectBuilder()
                .add("givenName", "Robin").add("familyName", "Backupson").add("dateOfBirth", "1988-02-03")
                .add("gender", "FEMALE").add("postcode", "M14 5RT").build()));
        String referral = created(caseworker.post("api/v1/referrals", Json.createObjectBuilder()
                .add("clientId", person).add("serviceId", service)
                .add("needs", Json.createObjectBuilder().add("needs", Json.createArrayBuilder().add("COUNSELLING"))
                        .add("crimeTypes", Json.createArrayBuilder().add("STALKING"))
                        .add("riskLevel", "STANDARD").add("urgency", "ROUTINE"))
                .build()));
        ApiClient.Reply consent = caseworker.post("api/v1/referrals/" + referral + "/consent", Json.createObjectBuilder()
                .add("basis", "GIVEN_BY_PERSON").add("shareContactDetails", true).add("shareCaseDetails", true)
                .add("method", "IN_PERSON").build());
        ApiClient.Reply submit = caseworker.post("api/v1/referrals/" + referral + "/submit", null, Map.of("If-Match", consent.etag()));
        long at = System.nanoTime();
        assertThat(submit.status()).as(submit.toString()).isEqualTo(200);
        return new Acknowledged(referral, submit.json().getString("reference"), begun, at);
    }

    private static void awaitAtLeast(java.util.Collection<Acknowledged> acknowledged, int count,
                                     List<java.util.concurrent.Future<?>> loops) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (acknowledged.size() < count) {
            for (java.util.concurrent.Future<?> loop : loops) {
                if (loop.isDone()) {
                    loop.get();
                }
            }
            assertThat(System.nanoTime()).as("submissions acknowledged in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private record Command(int exitCode, String output) {
    }

    /** Runs bin/waypoint with these arguments and these environment variables added, its output merged. */
    private static Command command(Map<String, String> environment, String... arguments) throws Exception {
        Path repository = Path.of(System.getProperty("waypoint.it.repository"));
        List<String> line = new java.util.ArrayList<>(List.of(repository.resolve("bin/waypoint").toString()));
        line.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(line).directory(repository.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("WAYPOINT_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as(output).isTrue();
        return new Command(process.exitValue(), output);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String metrics(ApiClient admin) {
        ApiClient.Reply reply = admin.get("metrics");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        return reply.body();
    }

    /** The value of one series in Prometheus' text format; fails when it is not there. */
    private static double value(String exposition, String series) {
        return exposition.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).strip().split(" ")[0]))
                .orElseThrow(() -> new AssertionError(series + " is not in the metrics"));
    }

    @Test
    void listsTheDirectoryAsJsonWithoutReferralInboxes() throws Exception {
        HttpResponse<String> response = get(base.toURI().resolve("api/v1/services"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).doesNotContain("@").doesNotContainIgnoringCase("inbox");
        JsonArray services = json(response.body()).asJsonObject().getJsonArray("items");
        if (!Deployments.demoMode()) {
            assertThat(services).isEmpty();
            return;
        }
        List<String> names = services.getValuesAs(JsonObject.class).stream().map(s -> s.getString("name")).toList();
        assertThat(names).hasSize(DEMO_SERVICES).isSorted();
        JsonObject willow = service(services, "Willow Therapy");
        assertThat(willow.getString("capacity")).isEqualTo("WAITING_LIST");
        assertThat(willow.getInt("waitWeeks")).isEqualTo(6);
        assertThat(willow.getString("organisation")).isEqualTo("Harbour Support Trust (demo)");
        assertThat(willow.getJsonArray("categories").getJsonObject(0).getString("code")).isEqualTo("THERAPY");
        assertThat(service(services, "Young Voices Counselling").getString("capacity")).isEqualTo("CLOSED");
        JsonObject crossings = service(services, "Crossings Immigration Advice");
        assertThat(crossings.getJsonArray("categories").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("code")).containsExactly("IMMIGRATION_ADVICE", "LEGAL_AID");
        assertThat(crossings.getJsonArray("postcodeAreas").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly("LS", "M");
    }

    @Test
    void rendersTheDirectoryPageWithGovUkStyles() throws Exception {
        HttpResponse<String> response = get(base.toURI());

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body(), base.toString());
        assertThat(page.title()).isEqualTo("Refer people affected by crime to support – Waypoint");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Refer people affected by crime to support");
        assertThat(page.selectFirst("#what-waypoint-is").text()).contains("Waypoint is how", "the services that help them recover");
        assertThat(page.selectFirst("#sign-in-link").attr("href")).as("the header offers signing in").endsWith("/sign-in");
        for (Element stylesheet : page.select("link[rel=stylesheet]")) {
            HttpResponse<String> css = get(URI.create(stylesheet.absUrl("href")));
            assertThat(css.statusCode()).as(stylesheet.attr("href")).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/css"));
        }
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href"))
                .anySatisfy(href -> assertThat(href).endsWith("/govuk-frontend.min.css"));

        List<String> cards = page.select(".govuk-summary-card__title").eachText();
        if (Deployments.demoMode()) {
            assertThat(cards).hasSize(DEMO_SERVICES).contains("Harbour Counselling", "Lantern Legal Aid");
            assertThat(page.select(".govuk-tag").eachText()).contains("Open", "Waiting list", "Closed");
            assertThat(page.text()).contains("about 6 weeks");
        } else {
            assertThat(cards).isEmpty();
            assertThat(page.selectFirst("#directory-empty").text()).isEqualTo("There are no services in the directory yet.");
        }
    }

    private static JsonObject service(JsonArray services, String name) {
        return services.getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no service " + name));
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        DescriptionCheck.check(request, response);
        return response;
    }

    private static jakarta.json.JsonValue json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }
}
