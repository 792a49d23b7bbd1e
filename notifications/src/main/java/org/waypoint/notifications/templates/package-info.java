/** The e-mails' words: Mustache templates, plain text and HTML, and the links they carry. */
package org.waypoint.notifications.templates;
