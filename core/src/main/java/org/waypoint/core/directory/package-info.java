/** The directory of support services (Open Referral HSDS "service") and its category taxonomy. */
package org.waypoint.core.directory;
