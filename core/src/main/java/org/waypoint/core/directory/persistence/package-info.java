/** JPA implementation of the directory repositories. */
package org.waypoint.core.directory.persistence;
