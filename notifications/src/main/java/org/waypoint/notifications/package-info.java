/** E-mail: the transactional outbox, SMTP dispatch and the templates. */
package org.waypoint.notifications;
