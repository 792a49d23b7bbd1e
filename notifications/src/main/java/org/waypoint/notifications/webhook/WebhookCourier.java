package org.waypoint.notifications.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.waypoint.core.shared.AddressPolicy;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.notifications.outbox.Courier;
import org.waypoint.notifications.outbox.OutgoingMail;
import org.waypoint.notifications.outbox.TransactionRunner;

/**
 * Posts a batch of webhook deliveries, each subscription's in order (until one fails) and different
 * subscriptions' at once, each signed with its subscription's secret. The
 * {@code webhook-id} is the outbox row's id, the same on every retry; the timestamp and signature are
 * made afresh for each attempt. A 2xx answer is success; any other answer, a refused connection or a
 * timeout is a failed attempt, which the dispatcher retries with backoff. Redirects are not followed.
 */
public final class WebhookCourier implements Courier {

    private final TransactionRunner transactions;
    private final WebhookSubscriptions subscriptions;
    private final AddressPolicy policy;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    public WebhookCourier(TransactionRunner transactions, WebhookSubscriptions subscriptions, AddressPolicy policy,
                          Duration timeout, Clock clock) {
        this.transactions = transactions;
        this.subscriptions = subscriptions;
        this.policy = policy;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public boolean deliversWebhooks() {
        return true;
    }

    @Override
    public Map<String, Exception> deliver(List<OutgoingMail> batch, java.util.function.Consumer<String> accepted) {
        List<String> ids = batch.stream().map(OutgoingMail::recipient).distinct().toList();
        Map<String, WebhookSubscription> byId = transactions.inTransaction(() -> subscriptions.findAll(ids)).stream()
                .collect(Collectors.toMap(WebhookSubscription::id, Function.identity()));
        Map<String, CompletableFuture<Void>> attempts = new HashMap<>();
        Map<String, CompletableFuture<Void>> lastToSubscription = new HashMap<>();
        Map<String, Exception> failures = new ConcurrentHashMap<>();
        Set<String> failedSubscriptions = ConcurrentHashMap.newKeySet();
        for (OutgoingMail delivery : batch) {
            WebhookSubscription subscription = byId.get(delivery.recipient());
            if (subscription == null) {
                failures.put(delivery.id(), new WebhookException("the subscription has been deleted"));
                continue;
            }
            // one subscription's deliveries go one after another, in the order claimed (oldest first),
            // and after one fails the rest wait for their retry untried, so that a receiver that hangs
            // costs one timeout a batch, well within the lease; different subscriptions' go at once
            CompletableFuture<Void> previous = lastToSubscription.getOrDefault(subscription.id(),
                    CompletableFuture.completedFuture(null));
            CompletableFuture<Void> attempt = previous.thenCompose(done -> failedSubscriptions.contains(subscription.id())
                            ? CompletableFuture.failedFuture(new WebhookException(
                                    "not tried: an earlier delivery to the same webhook failed just before"))
                            : post(subscription, delivery))
                    .exceptionally(failure -> {
                        failedSubscriptions.add(subscription.id());
                        failures.put(delivery.id(), unwrap(failure));
                        return null;
                    });
            lastToSubscription.put(subscription.id(), attempt);
            attempts.put(delivery.id(), attempt);
        }
        attempts.values().forEach(CompletableFuture::join);
        // Told once the batch is done, on this thread: receivers tell a repeat by its webhook-id.
        batch.stream().map(OutgoingMail::id).filter(id -> !failures.containsKey(id)).forEach(accepted);
        return failures;
    }

    private static Exception unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof Exception exception ? exception : new WebhookException(cause.getClass().getSimpleName());
    }

    private CompletableFuture<Void> post(WebhookSubscription subscription, OutgoingMail delivery) {
        URI url = subscription.url();
        try {
            policy.requirePublic(url);
        } catch (InvalidField refused) {
            return CompletableFuture.failedFuture(refused);
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Waypoint-Webhooks")
                .header("webhook-id", delivery.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(subscription.secret(), delivery.id(), timestamp,
                        delivery.text()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.text()))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
            if (response.statusCode() / 100 != 2) {
                throw new WebhookException("the receiver answered HTTP " + response.statusCode());
            }
        });
    }

    /** A delivery the receiver did not take. */
    static final class WebhookException extends RuntimeException {

        WebhookException(String message) {
            super(message);
        }
    }
}
