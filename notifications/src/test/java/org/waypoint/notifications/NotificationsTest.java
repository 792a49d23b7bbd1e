package org.waypoint.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.waypoint.core.referral.EndReason;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ContactDetails;
import org.waypoint.core.client.Guardian;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.referral.Consent;
import org.waypoint.core.referral.ConsentMethod;
import org.waypoint.core.referral.NeedsAssessment;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.notifications.mail.TlsMode;
import org.waypoint.notifications.outbox.MailKind;
import org.waypoint.notifications.outbox.OutboxDispatcher;
import org.waypoint.notifications.outbox.OutboxMessage;
import org.waypoint.notifications.outbox.OutboxStatus;
import org.waypoint.notifications.testing.Received;
import org.waypoint.notifications.testing.TestDatabase;
import org.waypoint.notifications.testing.World;

/**
 * The referral's story told through the e-mails it causes, received by a real SMTP server: who gets
 * which message, that nothing about the person ever leaves in one, and that a change rolled back
 * sends nothing.
 */
class NotificationsTest {

    @RegisterExtension
    static GreenMailExtension smtpServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String UPDATED = MailKind.REFERRAL_UPDATED.subject();
    private static final String NEW_MESSAGE = MailKind.NEW_MESSAGE.subject();
    private static final List<String> MARKERS = List.of(
            "MkGivenQx", "MkFamilyQx", "MkAccessQx", "07700 900111", "mkmail@qx.example", "MkAddressQx",
            "07700 900222", "MkSafeTimesQx", "MkCoverQx", "MkGuardianQx", "MkRelationQx", "07700 900333",
            "MkCrimeRefQx", "MkConcernsQx", "MkJustifyQx", "MkApproverQx", "MkReasonQx", "MkMessageQx",
            "MkRejectQx", "MkCancelQx", "MkFailQx", "MkWithdrawQx", "M14 5RT", "2009-02-14", "14 February 2009",
            "14/02/2009", "GROOMING", "Grooming", "FEMALE", "Female", "HIGH");

    private TestDatabase db;
    private World world;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh();
        world = new World(db);
        dispatcher = world.dispatcher(world.smtp(smtpServer.getSmtp().getPort(), TlsMode.NONE), "dispatcher-a");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void everyChangeTellsTheOtherSideWithTheReferenceTheServiceAndALink() {
        String first = world.submitted();
        world.drain(dispatcher);

        List<Received> received = Received.all(smtpServer.getReceivedMessages());
        assertThat(received).singleElement().satisfies(mail -> {
            assertThat(mail.recipient()).isEqualTo(World.SERVICE_INBOX);
            assertThat(mail.subject()).isEqualTo("Waypoint: a new referral is waiting");
            assertThat(mail.from()).isEqualTo("Waypoint <waypoint@example.org>");
            assertThat(mail.text()).contains("WP-2026-000001", World.SERVICE_NAME, "Due by:",
                    "https://waypoint.example.org/referrals/" + first);
            assertThat(mail.html()).contains("WP-2026-000001", World.SERVICE_NAME,
                    "href=\"https://waypoint.example.org/referrals/" + first + "\"");
        });

        List<String[]> expected = driveEveryTransition(World.anyone(), World.routine(), "a reason", "a message");
        world.drain(dispatcher);

        expected.add(0, new String[] {World.SERVICE_INBOX, MailKind.NEW_REFERRAL.subject()});
        List<Received> all = Received.all(smtpServer.getReceivedMessages());
        assertThat(all).extracting(Received::recipient, Received::subject)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(e -> tuple(e[0], e[1])).toList());
        assertThat(all).allSatisfy(mail -> {
            assertThat(mail.html()).contains(World.SERVICE_NAME, "https://waypoint.example.org/referrals/");
            assertThat(mail.text()).containsPattern("Reference: WP-2026-\\d{6}");
            assertThat(mail.messageId()).matches("<[0-9a-f-]{36}@waypoint.example.org>");
        });
    }

    @Test
    void noEmailCarriesAnythingAboutThePersonWhatHappenedToThemOrWhatAnyoneTyped() {
        ClientDetails marked = new ClientDetails("MkGivenQx", "MkFamilyQx", LocalDate.of(2009, 2, 14), Gender.FEMALE,
                "pl", true, Optional.of("MkAccessQx"), Optional.of("M14 5RT"),
                new ContactDetails(Optional.of("07700 900111"), Optional.of("mkmail@qx.example"), Optional.of("MkAddressQx")),
                new SafeContact(Optional.of("07700 900222"), Optional.of("MkSafeTimesQx"), false, true, Optional.of("MkCoverQx")),
                Optional.of(new Guardian("MkGuardianQx", "MkRelationQx", Optional.of("07700 900333"))));
        NeedsAssessment needs = new NeedsAssessment(Set.of("COUNSELLING"), Set.of(CrimeType.GROOMING), RiskLevel.HIGH,
                Urgency.URGENT, true, Optional.of("MkCrimeRefQx"), Optional.of("MkConcernsQx"));

        List<String[]> expected = driveEveryTransition(marked, needs, "MkReasonQx", "MkMessageQx");
        String overdue = world.draft(marked, needs, Consent.safeguardingOverride("MkJustifyQx", "MkApproverQx",
                ConsentMethod.IN_PERSON, world.clock.instant(), world.caseworker.userId()));
        world.transactions.run(() -> world.referrals.submit(world.caseworker, overdue));
        world.clock.advance(Duration.ofDays(10));
        assertThat(world.overdue.run()).isEqualTo(1);
        world.drain(dispatcher);

        List<Received> received = Received.all(smtpServer.getReceivedMessages());
        assertThat(received).hasSize(expected.size() + 3);
        assertThat(received).allSatisfy(mail -> assertThat(mail.everything()).doesNotContain(MARKERS));
    }

    /**
     * Takes referrals of the person through every transition, with {@code reason} as every reason and
     * {@code message} as every message; answers the (recipient, subject) of each e-mail due.
     */
    private List<String[]> driveEveryTransition(ClientDetails person, NeedsAssessment needs, String reason,
                                                String message) {
        var referrals = world.referrals;
        var caseworker = world.caseworker;
        var staff = world.staff;
        List<String[]> expected = new ArrayList<>();
        String inbox = World.SERVICE_INBOX;
        String referrer = World.CASEWORKER_EMAIL;

        String main = submit(person, needs, expected);
        run(() -> referrals.open(staff, main));
        expected.add(new String[] {referrer, UPDATED});
        run(() -> referrals.accept(staff, main));
        expected.add(new String[] {referrer, UPDATED});
        run(() -> referrals.start(staff, main));
        run(() -> referrals.sendMessage(caseworker, main, message + " from the caseworker"));
        expected.add(new String[] {inbox, NEW_MESSAGE});
        run(() -> referrals.sendMessage(staff, main, message + " from the service"));
        expected.add(new String[] {referrer, NEW_MESSAGE});
        run(() -> referrals.hold(staff, main, reason));
        expected.add(new String[] {referrer, UPDATED});
        run(() -> referrals.resume(staff, main));
        run(() -> referrals.complete(staff, main));
        expected.add(new String[] {referrer, UPDATED});

        String rejected = submit(person, needs, expected);
        run(() -> referrals.open(staff, rejected));
        expected.add(new String[] {referrer, UPDATED});
        run(() -> referrals.reject(staff, rejected, reason + " MkRejectQx", EndReason.NO_CAPACITY));
        expected.add(new String[] {referrer, UPDATED});

        String cancelled = submit(person, needs, expected);
        run(() -> referrals.cancel(caseworker, cancelled, reason + " MkCancelQx"));
        expected.add(new String[] {referrer, UPDATED});

        String failed = submit(person, needs, expected);
        run(() -> referrals.open(staff, failed));
        run(() -> referrals.accept(staff, failed));
        run(() -> referrals.start(staff, failed));
        run(() -> referrals.fail(staff, failed, reason + " MkFailQx", EndReason.UNABLE_TO_CONTACT));
        expected.addAll(List.of(new String[] {referrer, UPDATED}, new String[] {referrer, UPDATED},
                new String[] {referrer, UPDATED}));

        String withdrawn = submit(person, needs, expected);
        run(() -> referrals.withdrawConsent(caseworker, world.clientOf(withdrawn), reason + " MkWithdrawQx"));
        expected.add(new String[] {inbox, MailKind.CONSENT_WITHDRAWN.subject()});
        expected.add(new String[] {referrer, UPDATED});
        return expected;
    }

    private String submit(ClientDetails person, NeedsAssessment needs, List<String[]> expected) {
        String id = world.draft(person, needs, Consent.safeguardingOverride("MkJustifyQx", "MkApproverQx",
                ConsentMethod.IN_PERSON, world.clock.instant(), world.caseworker.userId()));
        run(() -> world.referrals.submit(world.caseworker, id));
        expected.add(new String[] {World.SERVICE_INBOX, MailKind.NEW_REFERRAL.subject()});
        return id;
    }

    private void run(Runnable change) {
        world.transactions.run(change);
    }

    @Test
    void aStatusEmailSaysTheNewStatusAndWhichOrganisationChangedItAndNotWhy() {
        String rejected = world.submitted();
        String cancelled = world.submitted();
        run(() -> world.referrals.open(world.staff, rejected));
        world.drain(dispatcher);
        int before = smtpServer.getReceivedMessages().length;

        run(() -> world.referrals.reject(world.staff, rejected, "MkRejectQx", EndReason.NO_CAPACITY));
        run(() -> world.referrals.cancel(world.caseworker, cancelled, "MkCancelQx"));
        world.drain(dispatcher);

        List<Received> updates = Received.all(smtpServer.getReceivedMessages()).subList(before, before + 2);
        assertThat(updates).allSatisfy(mail -> {
            assertThat(mail.recipient()).isEqualTo(World.CASEWORKER_EMAIL);
            assertThat(mail.subject()).isEqualTo(UPDATED);
            assertThat(mail.everything()).doesNotContain("MkRejectQx", "MkCancelQx");
        });
        assertThat(updates).anySatisfy(mail -> {
            assertThat(mail.text()).contains(world.providerName + " has changed the status of a referral you made to "
                    + World.SERVICE_NAME, "New status: Rejected");
            assertThat(mail.html()).contains("New status: <strong>Rejected</strong>", world.providerName);
        });
        assertThat(updates).anySatisfy(mail -> assertThat(mail.text())
                .contains(world.referrerName + " has changed the status", "New status: Cancelled"));
    }

    @Test
    void anOverdueReferralRemindsTheServiceDailyAndAlertsTheReferrerOnce() {
        String id = world.submitted();
        world.drain(dispatcher);
        assertThat(world.overdue.run()).as("not due yet").isZero();

        world.clock.advance(Duration.ofDays(4));
        assertThat(world.overdue.run()).isEqualTo(1);
        assertThat(world.overdue.run()).as("once a day").isZero();
        world.clock.advance(Duration.ofDays(1));
        assertThat(world.overdue.run()).isEqualTo(1);
        world.drain(dispatcher);

        assertThat(Received.all(smtpServer.getReceivedMessages())).extracting(Received::recipient, Received::subject)
                .containsExactlyInAnyOrder(
                        tuple(World.SERVICE_INBOX, MailKind.NEW_REFERRAL.subject()),
                        tuple(World.SERVICE_INBOX, MailKind.OVERDUE_REMINDER.subject()),
                        tuple(World.CASEWORKER_EMAIL, MailKind.OVERDUE_ALERT.subject()),
                        tuple(World.SERVICE_INBOX, MailKind.OVERDUE_REMINDER.subject()));

        world.transactions.run(() -> world.referrals.open(world.staff, id));
        world.clock.advance(Duration.ofDays(1));
        assertThat(world.overdue.run()).as("acknowledged at last").isZero();
    }

    @Test
    void aChangeThatRollsBackSendsNothing() {
        String id = world.draft(World.anyone(), World.routine(), World.consentOfThePerson(world.clock.instant()));
        try {
            world.transactions.run(() -> {
                world.referrals.submit(world.caseworker, id);
                throw new IllegalStateException("the use case failed after the event");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(world.drain(dispatcher)).isZero();
        assertThat(smtpServer.getReceivedMessages()).isEmpty();

        world.transactions.run(() -> world.referrals.submit(world.caseworker, id));
        assertThat(world.drain(dispatcher)).isEqualTo(1);
        assertThat(smtpServer.getReceivedMessages()).hasSize(1);
    }

    @Test
    void withTlsRequiredAPlainTextServerGetsNothingAndTheMessageWaitsForARetry() {
        world.submitted();
        OutboxDispatcher tlsRequired = world.dispatcher(world.smtp(smtpServer.getSmtp().getPort(), TlsMode.STARTTLS),
                "dispatcher-tls");

        assertThat(tlsRequired.dispatchOnce()).isEqualTo(1);

        assertThat(smtpServer.getReceivedMessages()).isEmpty();
        OutboxMessage message = world.transactions.inTransaction(
                () -> world.outbox.list(OutboxStatus.PENDING, 0, 10)).get(0);
        assertThat(message.attempts()).isEqualTo(1);
        assertThat(message.nextAttemptAt()).isAfter(world.clock.instant());
        assertThat(message.lastError()).hasValueSatisfying(error -> assertThat(error)
                .contains("Exception").doesNotContain(World.SERVICE_INBOX));
    }
}
