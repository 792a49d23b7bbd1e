/** Referral events for integrators: the event log, its feed, webhook subscriptions and their signed deliveries. */
package org.waypoint.notifications.webhook;
