/** The outbox: e-mails written with the change they announce, then sent, retried and watched. */
package org.waypoint.notifications.outbox;
