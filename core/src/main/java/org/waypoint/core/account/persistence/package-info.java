/** JPA implementation of the user account repository. */
package org.waypoint.core.account.persistence;
