/**
 * The API's doors to notifications' events: webhook subscriptions for administrators, the event feed
 * for organisations.
 */
package org.waypoint.web.api.webhook;
