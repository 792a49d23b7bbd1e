/** Getting a message out: SMTP through Jakarta Mail with TLS required, or a pickup folder of .eml files. */
package org.waypoint.notifications.mail;
