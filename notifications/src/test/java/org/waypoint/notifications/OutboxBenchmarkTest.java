package org.waypoint.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.notifications.mail.MailGateway;
import org.waypoint.notifications.mail.TlsMode;
import org.waypoint.notifications.outbox.DispatchLoop;
import org.waypoint.notifications.outbox.MailKind;
import org.waypoint.notifications.outbox.OutboxDispatcher;
import org.waypoint.notifications.outbox.OutboxMessage;
import org.waypoint.notifications.outbox.OutboxStatus;
import org.waypoint.notifications.outbox.RenderedMail;
import org.waypoint.notifications.templates.Links;
import org.waypoint.notifications.templates.MailContent;
import org.waypoint.notifications.templates.MailTemplates;
import org.waypoint.notifications.testing.TestDatabase;
import org.waypoint.notifications.testing.World;

/**
 * The outbox benchmark, run by {@code bench/outbox.sh} only (tag {@code bench}): drain 5,000 queued
 * e-mails to a local GreenMail with one dispatcher and report e-mails per second; then submit
 * referrals at a light, steady rate through the real use case, with the dispatcher woken after each
 * commit as in the server, and report the time from submission to SMTP acceptance. Targets: at
 * least 100 e-mails/s, p95 at most 2 s.
 */
@Tag("bench")
class OutboxBenchmarkTest {

    private static final int QUEUED = 5_000;
    private static final int LIGHT_LOAD_SUBMISSIONS = 200;
    private static final Duration LIGHT_LOAD_GAP = Duration.ofMillis(50);

    @Test
    void drainThroughputAndSubmissionToAcceptanceLatency() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        List<String> report = new ArrayList<>();
        report.add("database: " + (TestDatabase.isPostgres() ? "PostgreSQL" : "Derby (embedded, in memory)"));
        try (TestDatabase db = TestDatabase.fresh()) {
            World world = new World(db);
            int port = server.getSmtp().getPort();
            report.addAll(throughput(world, server, port));
            report.addAll(latency(world, server, port));
        } finally {
            server.stop();
        }
        Path out = Path.of("target", "bench", "outbox.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    private static List<String> throughput(World world, GreenMail server, int port) {
        MailTemplates templates = new MailTemplates();
        Links links = new Links(World.PUBLIC_URL);
        for (int batch = 0; batch < QUEUED / 500; batch++) {
            int first = batch * 500;
            world.transactions.run(() -> {
                for (int i = first; i < first + 500; i++) {
                    RenderedMail mail = templates.render(MailKind.NEW_REFERRAL, new MailContent(
                            String.format("WP-2026-%06d", i + 1), World.SERVICE_NAME, Optional.of(Urgency.ROUTINE),
                            Optional.of(world.clock.instant().plus(Duration.ofDays(2))),
                            links.referral("00000000-0000-0000-0000-" + String.format("%012d", i))));
                    world.outbox.add(new OutboxMessage(mail, new EmailAddress("inbox" + (i % 50) + "@harbour.example.org"),
                            Optional.empty(), world.clock.instant()));
                }
            });
        }
        OutboxDispatcher dispatcher = world.dispatcher(world.smtp(port, TlsMode.NONE), "bench-dispatcher");
        long start = System.nanoTime();
        int sent = world.drain(dispatcher);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(sent).isEqualTo(QUEUED);
        assertThat(server.getReceivedMessages()).hasSize(QUEUED);
        assertThat(world.transactions.inTransaction(() -> world.outbox.count(OutboxStatus.SENT))).isEqualTo(QUEUED);
        return List.of(String.format("drain: %d e-mails in %.2f s = %.0f e-mails/s (target >= 100)", QUEUED, seconds,
                QUEUED / seconds));
    }

    private static List<String> latency(World world, GreenMail server, int port) throws Exception {
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        MailGateway smtp = world.smtp(port, TlsMode.NONE);
        MailGateway timed = () -> {
            MailGateway.Connection connection = smtp.open();
            return new MailGateway.Connection() {
                @Override
                public void send(org.waypoint.notifications.outbox.OutgoingMail mail) throws MessagingException {
                    connection.send(mail);
                    acceptedAt.put(mail.id(), System.nanoTime());
                }

                @Override
                public void close() {
                    connection.close();
                }
            };
        };
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
        DispatchLoop loop = new DispatchLoop(world.dispatcher(timed, "bench-loop"), executor, Duration.ofSeconds(1));
        loop.start();
        Map<String, Long> submittedAt = new ConcurrentHashMap<>();
        try {
            for (int i = 0; i < LIGHT_LOAD_SUBMISSIONS; i++) {
                String draft = world.draft(World.anyone(), World.routine(), World.consentOfThePerson(world.clock.instant()));
                long before = System.nanoTime();
                world.transactions.run(() -> world.referrals.submit(world.caseworker, draft));
                loop.wake();
                submittedAt.put(draft, before);
                Thread.sleep(LIGHT_LOAD_GAP.toMillis());
            }
            Instant deadline = Instant.now().plusSeconds(60);
            while (acceptedAt.size() < LIGHT_LOAD_SUBMISSIONS && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
        } finally {
            loop.stop(Duration.ofSeconds(10));
            executor.shutdownNow();
        }
        assertThat(acceptedAt).hasSize(LIGHT_LOAD_SUBMISSIONS);
        List<Double> millis = new ArrayList<>();
        world.transactions.run(() -> {
            acceptedAt.forEach((outboxId, accepted) -> {
                String referralId = world.outbox.find(outboxId).orElseThrow().referralId().orElseThrow();
                millis.add((accepted - submittedAt.get(referralId)) / 1e6);
            });
        });
        assertThat(millis).hasSize(LIGHT_LOAD_SUBMISSIONS);
        Collections.sort(millis);
        return List.of(String.format("submit to SMTP acceptance, %d referrals at one per %d ms: p50 %.1f ms, p95 %.1f ms,"
                        + " max %.1f ms (target p95 <= 2000 ms)", LIGHT_LOAD_SUBMISSIONS, LIGHT_LOAD_GAP.toMillis(),
                percentile(millis, 50), percentile(millis, 95), millis.get(millis.size() - 1)));
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
