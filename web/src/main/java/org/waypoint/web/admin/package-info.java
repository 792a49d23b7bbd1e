/** The administrator's pages: organisations, services' capacity, accounts, the e-mail outbox and the audit log. */
package org.waypoint.web.admin;
