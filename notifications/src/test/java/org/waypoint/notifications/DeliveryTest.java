package org.waypoint.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.notifications.mail.MailGateway;
import org.waypoint.notifications.mail.PickupFolder;
import org.waypoint.notifications.mail.TlsMode;
import org.waypoint.notifications.outbox.DispatchLoop;
import org.waypoint.notifications.outbox.OutboxAdmin;
import org.waypoint.notifications.outbox.OutboxDispatcher;
import org.waypoint.notifications.outbox.OutboxEntry;
import org.waypoint.notifications.outbox.OutboxMessage;
import org.waypoint.notifications.outbox.OutboxStatus;
import org.waypoint.notifications.testing.Received;
import org.waypoint.notifications.testing.TestDatabase;
import org.waypoint.notifications.testing.World;

/**
 * Getting mail out when the world is not kind: a server that is down for a while, one that stays
 * down for more than a day, and no server at all (the pickup folder). Nothing is dropped.
 */
class DeliveryTest {

    private final Actor admin = new Actor("u-admin", "org-admin", Role.ADMIN);

    @TempDir
    Path pickupDir;

    private TestDatabase db;
    private World world;
    private GreenMail server;
    private int port;

    @BeforeEach
    void setUp() throws IOException {
        db = TestDatabase.fresh();
        world = new World(db);
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.stop();
        }
        db.close();
    }

    private void serverComesUp() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    @Test
    void mailQueuedWhileTheServerIsDownArrivesOnceItIsBackWithTheSameMessageIds() {
        List<String> referrals = List.of(world.submitted(), world.submitted(), world.submitted());
        OutboxDispatcher dispatcher = world.dispatcher(world.smtp(port, TlsMode.NONE), "dispatcher-a");

        assertThat(world.drain(dispatcher)).isEqualTo(3);
        world.clock.advance(Duration.ofMinutes(1));
        assertThat(world.drain(dispatcher)).as("retried, still down").isEqualTo(3);
        List<OutboxMessage> waiting = world.transactions.inTransaction(() -> world.outbox.list(OutboxStatus.PENDING, 0, 10));
        assertThat(waiting).hasSize(3).allSatisfy(message -> {
            assertThat(message.attempts()).isEqualTo(2);
            assertThat(message.nextAttemptAt()).isAfter(world.clock.instant());
            assertThat(message.lastError()).hasValueSatisfying(error -> assertThat(error).contains("MailConnectException"));
        });

        serverComesUp();
        assertThat(world.drain(dispatcher)).as("not due again yet").isZero();
        world.clock.advance(Duration.ofMinutes(5));
        assertThat(world.drain(dispatcher)).isEqualTo(3);

        assertThat(Received.all(server.getReceivedMessages())).extracting(Received::messageId)
                .containsExactlyInAnyOrderElementsOf(waiting.stream()
                        .map(m -> "<" + m.id() + "@waypoint.example.org>").toList());
        assertThat(referrals).hasSize(3);
        assertThat(world.transactions.inTransaction(() -> world.outbox.count(OutboxStatus.SENT))).isEqualTo(3);
    }

    /**
     * Each message is recorded sent as soon as the mail server accepts it, before the next of its batch
     * goes: an instance killed halfway through a batch leaves only the message in hand to be sent again.
     */
    @Test
    void eachMessageIsRecordedSentOnceAcceptedBeforeTheNextOfItsBatchGoes() {
        serverComesUp();
        world.submitted();
        world.submitted();
        world.submitted();
        MailGateway smtp = world.smtp(port, TlsMode.NONE);
        List<Long> sentBeforeEach = new java.util.ArrayList<>();
        MailGateway watched = () -> {
            MailGateway.Connection connection = smtp.open();
            return new MailGateway.Connection() {
                @Override
                public void send(org.waypoint.notifications.outbox.OutgoingMail mail) throws jakarta.mail.MessagingException {
                    sentBeforeEach.add(world.transactions.inTransaction(() -> world.outbox.count(OutboxStatus.SENT)));
                    connection.send(mail);
                }

                @Override
                public void close() {
                    connection.close();
                }
            };
        };

        assertThat(world.drain(world.dispatcher(watched, "dispatcher-a"))).isEqualTo(3);

        assertThat(sentBeforeEach).as("messages recorded sent as each of the batch went").containsExactly(0L, 1L, 2L);
        assertThat(server.getReceivedMessages()).hasSize(3);
    }

    /** A stopping instance (SIGTERM) sends what it claimed before it goes, rather than leaving a lease behind. */
    @Test
    void aStopWaitsForTheBatchBeingSentSoNoLeaseIsLeftForAnotherInstanceToWaitOut() throws Exception {
        serverComesUp();
        world.submitted();
        MailGateway smtp = world.smtp(port, TlsMode.NONE);
        CountDownLatch sending = new CountDownLatch(1);
        MailGateway slow = () -> {
            sending.countDown();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return smtp.open();
        };
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            DispatchLoop loop = new DispatchLoop(world.dispatcher(slow, "dispatcher-a"), executor, Duration.ofMinutes(1));
            loop.start();
            assertThat(sending.await(10, TimeUnit.SECONDS)).as("the batch is claimed and being sent").isTrue();

            loop.stop(Duration.ofSeconds(10));

            assertThat(world.transactions.inTransaction(() -> world.outbox.count(OutboxStatus.PENDING)))
                    .as("nothing left claimed").isZero();
            assertThat(server.getReceivedMessages()).isNotEmpty();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aMessageThatCannotBeSentForADayIsKeptAsFailedUntilAnAdministratorRetriesIt() {
        world.submitted();
        OutboxDispatcher dispatcher = world.dispatcher(world.smtp(port, TlsMode.NONE), "dispatcher-a");
        OutboxAdmin outboxAdmin = new OutboxAdmin(world.outbox, new PickupFolder(pickupDir, world.mimeMessages()),
                world.clock);

        for (int hour = 0; hour < 24; hour++) {
            world.drain(dispatcher);
            assertThat(world.transactions.inTransaction(() -> world.outbox.count(OutboxStatus.FAILED)))
                    .as("still retried after %d hours", hour).isZero();
            world.clock.advance(Duration.ofHours(1));
        }
        world.clock.advance(Duration.ofMinutes(1));
        world.drain(dispatcher);

        List<OutboxEntry> failed = world.transactions.inTransaction(
                () -> outboxAdmin.list(admin, OutboxStatus.FAILED, 0).items());
        assertThat(world.transactions.inTransaction(() -> world.outbox.depth()))
                .containsExactly(new org.waypoint.notifications.outbox.OutboxDepth(OutboxStatus.FAILED,
                        org.waypoint.notifications.outbox.MailKind.NEW_REFERRAL, 1));
        assertThat(world.transactions.inTransaction(() -> world.outbox.oldestPending())).isEmpty();
        List<org.waypoint.notifications.outbox.DeliveryAttempts> attempts = world.dispatched.stream()
                .map(org.waypoint.notifications.outbox.DeliveryAttempts.class::cast).toList();
        assertThat(attempts).as("every attempt but the last is to be retried, and none was sent")
                .allSatisfy(a -> assertThat(a.sent()).isZero())
                .allSatisfy(a -> assertThat(a.webhooks()).isFalse());
        assertThat(attempts.subList(0, attempts.size() - 1)).allSatisfy(a -> assertThat(a.retrying()).isEqualTo(1));
        assertThat(attempts.get(attempts.size() - 1)).isEqualTo(new org.waypoint.notifications.outbox.DeliveryAttempts(false, 0, 0, 1));
        assertThat(failed).singleElement().satisfies(entry -> {
            assertThat(entry.attempts()).isGreaterThan(20);
            assertThat(entry.lastError()).contains("MailConnectException");
            assertThat(entry.recipient()).isEqualTo(World.SERVICE_INBOX);
        });
        assertThatThrownBy(() -> world.transactions.inTransaction(
                () -> outboxAdmin.list(world.caseworker, OutboxStatus.FAILED, 0))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> world.transactions.inTransaction(
                () -> outboxAdmin.retry(world.staff, failed.get(0).id()))).isInstanceOf(NotPermittedException.class);

        serverComesUp();
        world.clock.advance(Duration.ofDays(2));
        assertThat(world.drain(dispatcher)).as("a failed message waits for an administrator").isZero();
        OutboxEntry retried = world.transactions.inTransaction(() -> outboxAdmin.retry(admin, failed.get(0).id()));
        assertThat(retried.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(world.drain(dispatcher)).isEqualTo(1);

        assertThat(server.getReceivedMessages()).hasSize(1);
        assertThatThrownBy(() -> world.transactions.inTransaction(() -> outboxAdmin.retry(admin, failed.get(0).id())))
                .as("a sent message is not sent again").isInstanceOf(ConflictException.class);
    }

    @Test
    void withNoServerEachMessageIsWrittenToThePickupFolderForTheAdministratorToRead() {
        String referral = world.submitted();
        PickupFolder pickup = new PickupFolder(pickupDir, world.mimeMessages());
        OutboxAdmin outboxAdmin = new OutboxAdmin(world.outbox, pickup, world.clock);

        assertThat(world.drain(world.dispatcher(pickup, "dispatcher-a"))).isEqualTo(1);

        String id = world.transactions.inTransaction(() -> world.outbox.list(OutboxStatus.SENT, 0, 1)).get(0).id();
        assertThat(pickupDir.resolve(id + ".eml")).exists();
        assertThat(outboxAdmin.pickupFiles(admin)).singleElement().satisfies(file -> assertThat(file.outboxId()).isEqualTo(id));
        assertThat(outboxAdmin.pickupFile(admin, id)).hasValueSatisfying(eml -> assertThat(eml)
                .contains("Message-ID: <" + id + "@waypoint.example.org>", "To: " + World.SERVICE_INBOX,
                        "Subject: Waypoint: a new referral is waiting", "From: Waypoint <waypoint@example.org>",
                        "/referrals/" + referral));
        assertThat(outboxAdmin.pickupFile(admin, "../../etc/passwd")).isEmpty();
        assertThatThrownBy(() -> outboxAdmin.pickupFiles(world.caseworker)).isInstanceOf(NotPermittedException.class);
    }
}
