/** JPA implementation of the client repository. */
package org.waypoint.core.client.persistence;
