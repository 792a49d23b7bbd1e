package org.waypoint.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.notifications.mail.TlsMode;
import org.waypoint.notifications.outbox.MailKind;
import org.waypoint.notifications.outbox.OutboxDispatcher;
import org.waypoint.notifications.outbox.OutboxMessage;
import org.waypoint.notifications.outbox.OutboxStatus;
import org.waypoint.notifications.outbox.RenderedMail;
import org.waypoint.notifications.testing.Received;
import org.waypoint.notifications.testing.TestDatabase;
import org.waypoint.notifications.testing.World;

/** Two instances' dispatchers on one database never send the same row while both are alive. */
class TwoDispatchersTest {

    private static final int MESSAGES = 300;

    @RegisterExtension
    static GreenMailExtension smtpServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private TestDatabase db;
    private World world;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh();
        world = new World(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void eachMessageIsSentByOneDispatcherOnly() throws Exception {
        world.transactions.run(() -> {
            for (int i = 0; i < MESSAGES; i++) {
                world.outbox.add(new OutboxMessage(new RenderedMail(MailKind.NEW_REFERRAL, "Waypoint: test", "text " + i,
                        "<p>html</p>"), new EmailAddress("inbox" + (i % 7) + "@harbour.example.org"), Optional.empty(),
                        world.clock.instant()));
            }
        });
        int port = smtpServer.getSmtp().getPort();
        List<OutboxDispatcher> dispatchers = List.of(world.dispatcher(world.smtp(port, TlsMode.NONE), "dispatcher-a"),
                world.dispatcher(world.smtp(port, TlsMode.NONE), "dispatcher-b"));

        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<Integer>> handled = new ArrayList<>();
        try {
            for (OutboxDispatcher dispatcher : dispatchers) {
                handled.add(threads.submit(() -> world.drain(dispatcher)));
            }
            int total = 0;
            for (Future<Integer> each : handled) {
                total += each.get(120, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(MESSAGES);
            assertThat(handled).allSatisfy(each -> assertThat(each.get()).as("both took part").isPositive());
        } finally {
            threads.shutdownNow();
        }

        Map<String, Long> perMessageId = Received.all(smtpServer.getReceivedMessages()).stream()
                .collect(Collectors.groupingBy(Received::messageId, Collectors.counting()));
        assertThat(perMessageId).hasSize(MESSAGES);
        assertThat(perMessageId.values()).allSatisfy(count -> assertThat(count).isEqualTo(1L));
        assertThat(world.transactions.inTransaction(() -> world.outbox.count(OutboxStatus.SENT))).isEqualTo(MESSAGES);
    }

    /**
     * A process killed with messages in hand leaves them leased for five minutes; on a database one
     * process alone can open, the next start frees them, and they go at once, each once.
     */
    @Test
    void messagesLeftInHandByADeadProcessGoAtOnceOnceTheirLeasesAreFreed() throws Exception {
        List<String> ids = world.transactions.inTransaction(() -> {
            List<String> added = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                OutboxMessage message = new OutboxMessage(new RenderedMail(MailKind.NEW_REFERRAL, "Waypoint: test",
                        "text " + i, "<p>html</p>"), new EmailAddress("inbox@harbour.example.org"), Optional.empty(),
                        world.clock.instant());
                world.outbox.add(message);
                added.add(message.id());
            }
            return added;
        });
        Instant now = world.clock.instant();
        assertThat(world.transactions.inTransaction(() -> world.outbox.claim(ids, "dispatcher-dead", now.plusSeconds(300), now)))
                .hasSize(3);
        OutboxDispatcher next = world.dispatcher(world.smtp(smtpServer.getSmtp().getPort(), TlsMode.NONE), "dispatcher-next");
        assertThat(world.drain(next)).as("leased to the dead process").isZero();

        assertThat(world.transactions.inTransaction(world.outbox::freeLeasesOfEarlierProcesses)).isEqualTo(3);

        assertThat(world.drain(next)).isEqualTo(3);
        assertThat(Received.all(smtpServer.getReceivedMessages())).hasSize(3);
        assertThat(world.transactions.inTransaction(world.outbox::freeLeasesOfEarlierProcesses))
                .as("a sent message is no one's to free").isZero();
    }
}
