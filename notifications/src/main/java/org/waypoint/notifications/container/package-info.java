/** The notifications in the application server: configuration, transactions, the scheduled dispatcher. */
package org.waypoint.notifications.container;
