/** The event log and the webhook subscriptions in JPA. */
package org.waypoint.notifications.webhook.persistence;
