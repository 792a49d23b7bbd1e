/** JPA implementation of the organisation repository. */
package org.waypoint.core.organisation.persistence;
