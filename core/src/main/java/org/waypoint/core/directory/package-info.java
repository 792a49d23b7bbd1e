/** The directory of support services (Open Referral HSDS "service"), its category taxonomy, and matching people to services. */
package org.waypoint.core.directory;
