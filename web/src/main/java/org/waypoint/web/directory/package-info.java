/** The public directory page. */
package org.waypoint.web.directory;
