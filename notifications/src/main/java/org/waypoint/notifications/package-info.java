/**
 * Notifications: what the domain's events become (e-mail, webhook deliveries, the event log) and how
 * they reach people and systems. It answers no HTTP request: web's {@code org.waypoint.web.api} serves
 * the outbox, webhooks and the event feed through the plain services here.
 */
package org.waypoint.notifications;
