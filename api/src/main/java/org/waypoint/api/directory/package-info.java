/** The directory of support services over HTTP. */
package org.waypoint.api.directory;
