/** JPA implementation of the referral repository and the per-year reference counter. */
package org.waypoint.core.referral.persistence;
