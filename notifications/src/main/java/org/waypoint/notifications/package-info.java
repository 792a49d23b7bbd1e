/** E-mail notifications: what the domain's events become, and how they reach people. */
package org.waypoint.notifications;
