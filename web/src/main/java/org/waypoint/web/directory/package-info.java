/** The directory's pages, and keeping this instance's snapshot of the directory for matching current. */
package org.waypoint.web.directory;
