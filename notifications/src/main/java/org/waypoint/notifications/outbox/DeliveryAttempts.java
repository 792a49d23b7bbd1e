package org.waypoint.notifications.outbox;

/**
 * What one batch of the dispatcher came to, announced for counting (ids and addresses stay out).
 *
 * @param webhooks whether these were webhook deliveries rather than e-mails
 * @param sent     delivered
 * @param retrying failed, to be tried again
 * @param failed   failed for the last time: now FAILED until an administrator retries them
 */
public record DeliveryAttempts(boolean webhooks, int sent, int retrying, int failed) {
}
