/** JPA implementations of the account repositories, and the database-kept throttle. */
package org.waypoint.core.account.persistence;
