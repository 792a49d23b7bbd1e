/** The API's doors to events: webhook subscriptions for administrators, the event feed for organisations. */
package org.waypoint.notifications.webhook.http;
