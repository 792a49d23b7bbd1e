/** The administrator's HTTP interface to the outbox, under {@code /api/v1/admin/outbox}. */
package org.waypoint.notifications.admin;
