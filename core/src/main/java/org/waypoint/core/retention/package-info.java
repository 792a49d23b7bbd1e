/** How long a person's record is kept: retention by policy, legal holds, the dry run and erasure on request. */
package org.waypoint.core.retention;
