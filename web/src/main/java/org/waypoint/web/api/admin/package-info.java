/** The administrator's API over notifications' outbox, under {@code /api/v1/admin/outbox}. */
package org.waypoint.web.api.admin;
