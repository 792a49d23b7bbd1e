/** E-mails about a person's own account: the password reset link. */
package org.waypoint.notifications.account;
