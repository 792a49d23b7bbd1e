package org.waypoint.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.Role;
import org.waypoint.core.account.persistence.JpaApiClientRepository;
import org.waypoint.core.organisation.persistence.JpaOrganisationRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.notifications.outbox.OutboxDispatcher;
import org.waypoint.notifications.outbox.OutboxStatus;
import org.waypoint.notifications.outbox.RetryPolicy;
import org.waypoint.notifications.testing.TestDatabase;
import org.waypoint.notifications.testing.World;
import org.waypoint.core.shared.AddressPolicy;
import org.waypoint.notifications.webhook.EventPage;
import org.waypoint.notifications.webhook.EventType;
import org.waypoint.notifications.webhook.NewSubscription;
import org.waypoint.notifications.webhook.SubscriptionPage;
import org.waypoint.notifications.webhook.SubscriptionRequest;
import org.waypoint.notifications.webhook.SubscriptionView;
import org.waypoint.notifications.webhook.WebhookCourier;
import org.waypoint.notifications.webhook.WebhookSettings;
import org.waypoint.notifications.webhook.WebhookSignature;
import org.waypoint.notifications.webhook.Webhooks;

/**
 * Webhooks on a real database to a real HTTP receiver on loopback: each side of a referral is told
 * of its loop, signed, with nothing about the person; a receiver that is down gets the delivery once
 * it is back, under the same webhook-id; the feed pages through the same events.
 */
class WebhookDeliveryTest {

    private record Arrival(String id, String timestamp, String signature, String body) {
    }

    private static final Pattern TYPE = Pattern.compile("^\\{\"type\":\"([A-Z_]+)\"");

    private TestDatabase db;
    private World world;
    private HttpServer receiver;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);
    private final AtomicInteger refused = new AtomicInteger();
    private Webhooks webhooks;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() throws IOException {
        db = TestDatabase.fresh();
        world = new World(db);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = answer.get();
            if (status / 100 == 2) {
                arrivals.add(new Arrival(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        new String(body, StandardCharsets.UTF_8)));
            } else {
                refused.incrementAndGet();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        WebhookSettings settings = new WebhookSettings(new AddressPolicy(true, true), Duration.ofSeconds(5),
                Duration.ofSeconds(1));
        webhooks = new Webhooks(world.subscriptions, world.eventLog, new JpaOrganisationRepository(db.entityManager()),
                new JpaApiClientRepository(db.entityManager()), settings, world.clock);
        dispatcher = new OutboxDispatcher(world.transactions, world.outbox, new WebhookCourier(world.transactions,
                world.subscriptions, settings.policy(), settings.timeout(), world.clock),
                new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), () -> 0.5), world.clock, "test-webhooks",
                Duration.ofMinutes(5), 50, world.dispatched::add);
    }

    @AfterEach
    void tearDown() {
        receiver.stop(0);
        db.close();
    }

    private NewSubscription subscribe(String organisationId, List<EventType> events) {
        Actor admin = new Actor("u-admin", organisationId, Role.ADMIN);
        return world.transactions.inTransaction(() -> webhooks.subscribe(admin, new SubscriptionRequest(organisationId,
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", events)));
    }

    private EventPage feed(Actor actor, String after, int limit) {
        return world.transactions.inTransaction(() -> webhooks.events(actor, after, limit));
    }

    private static String type(Arrival arrival) {
        Matcher matcher = TYPE.matcher(arrival.body());
        return matcher.find() ? matcher.group(1) : "?";
    }

    @Test
    void eachSideIsToldOfTheLoopSignedAndWithoutAnythingAboutThePerson() {
        NewSubscription referrer = subscribe(world.policeId, null);
        String referralId = world.submitted();
        world.clock.advance(Duration.ofMinutes(1));
        world.transactions.run(() -> world.referrals.open(world.staff, referralId));
        world.clock.advance(Duration.ofMinutes(1));
        world.transactions.run(() -> world.referrals.accept(world.staff, referralId));
        world.clock.advance(Duration.ofMinutes(1));
        world.transactions.run(() -> world.referrals.sendMessage(world.staff, referralId, "Alex can come on Tuesday"));

        // the webhook dispatcher takes the webhook rows only, never the e-mail queued beside them
        assertThat(world.drain(dispatcher)).isEqualTo(4);

        assertThat(arrivals).extracting(WebhookDeliveryTest::type).containsExactly("REFERRAL_SUBMITTED",
                "REFERRAL_RECEIVED", "REFERRAL_ACCEPTED", "REFERRAL_MESSAGE_POSTED");
        assertThat(arrivals).allSatisfy(arrival -> {
            assertThat(arrival.signature()).isEqualTo(WebhookSignature.sign(referrer.secret(), arrival.id(),
                    Long.parseLong(arrival.timestamp()), arrival.body()));
            assertThat(arrival.body()).contains(referralId, "WP-", world.policeId, world.charityId)
                    .doesNotContain("Alex", "Example", "1990", "M14", "Tuesday", "SEXUAL_ASSAULT", "COUNSELLING");
        });
        assertThat(world.transactions.inTransaction(() -> world.outbox.count(OutboxStatus.PENDING)))
                .as("the e-mails wait for the mail dispatcher").isPositive();
    }

    @Test
    void aReceiverThatIsDownGetsTheDeliveryOnceItIsBackUnderTheSameId() {
        subscribe(world.charityId, List.of(EventType.REFERRAL_SUBMITTED));
        answer.set(503);
        String first = world.submitted();
        world.clock.advance(Duration.ofMillis(10));
        String second = world.submitted();
        assertThat(world.drain(dispatcher)).isEqualTo(2);
        assertThat(arrivals).isEmpty();
        assertThat(refused).as("the second is not tried once the first has failed").hasValue(1);

        answer.set(200);
        world.clock.advance(Duration.ofSeconds(2));
        assertThat(world.drain(dispatcher)).isEqualTo(2);
        assertThat(arrivals).extracting(arrival -> arrival.body().contains(first) ? "first" : arrival.body().contains(second)
                ? "second" : "?").containsExactlyInAnyOrder("first", "second");
        assertThat(world.transactions.inTransaction(() -> world.outbox.list(OutboxStatus.SENT, 0, 10)))
                .hasSize(2).allSatisfy(sent -> {
                    assertThat(arrivals).extracting(Arrival::id).contains(sent.id());
                    assertThat(sent.attempts()).isEqualTo(2);
                });
    }

    @Test
    void theFeedPagesThroughTheSameEventsInOrderForThePartiesOnly() {
        String first = world.submitted();
        String second = world.submitted();
        world.transactions.run(() -> world.referrals.open(world.staff, first));
        Actor outsider = new Actor("u-other", "some-other-organisation", Role.CASEWORKER);

        assertThat(feed(world.caseworker, null, 10).items()).as("not settled yet").isEmpty();
        world.clock.advance(Duration.ofSeconds(2));

        EventPage page = feed(world.caseworker, null, 2);
        assertThat(page.items()).extracting(item -> item.referralId() + " " + item.type())
                .containsExactly(first + " REFERRAL_SUBMITTED", second + " REFERRAL_SUBMITTED");
        EventPage rest = feed(world.staff, page.next(), 2);
        assertThat(rest.items()).singleElement().satisfies(item -> {
            assertThat(item.type()).isEqualTo(EventType.REFERRAL_RECEIVED);
            assertThat(item.previousStatus()).hasToString("REQUESTED");
            assertThat(item.changedByOrganisationId()).isEqualTo(world.charityId);
        });
        assertThat(feed(world.staff, rest.next(), 2).items()).isEmpty();
        assertThat(feed(world.staff, rest.next(), 2).next()).isEqualTo(rest.next());
        assertThat(feed(outsider, null, 10).items()).isEmpty();
    }

    @Test
    void subscriptionsArePagedAndAPersonOtherThanAnAdministratorManagesNone() {
        NewSubscription first = subscribe(world.policeId, null);
        world.clock.advance(Duration.ofSeconds(1));
        NewSubscription second = subscribe(world.charityId, List.of(EventType.REFERRAL_SUBMITTED));
        Actor admin = new Actor("u-admin", world.policeId, Role.ADMIN);

        SubscriptionPage page = world.transactions.inTransaction(() -> webhooks.list(admin, Optional.empty(), null, 0, 1));
        assertThat(page.items()).extracting(SubscriptionView::id).containsExactly(first.id());
        assertThat(page.total()).isEqualTo(2);
        assertThat(world.transactions.inTransaction(() -> webhooks.list(admin, Optional.empty(), "-createdAt", 0, 10))
                .items()).extracting(SubscriptionView::id).containsExactly(second.id(), first.id());
        assertThatThrownBy(() -> webhooks.list(admin, Optional.empty(), "url", 0, 10))
                .isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> webhooks.list(admin, Optional.empty(), null, 0, 101))
                .isInstanceOf(InvalidField.class);

        // a person signed in as caseworker is no API client, whatever the scopes an API client of theirs may hold
        assertThatThrownBy(() -> world.transactions.inTransaction(() -> webhooks.list(world.caseworker, Optional.empty(),
                null, 0, 10))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> world.transactions.inTransaction(() -> webhooks.get(world.staff, second.id())))
                .isInstanceOf(NotPermittedException.class);
    }
}
