/**
 * The API's resources over what the api module cannot see, notifications' outbox and webhooks: the
 * outbox for administrators, webhook subscriptions and the event feed, under {@code /api/v1}.
 */
package org.waypoint.web.api;
