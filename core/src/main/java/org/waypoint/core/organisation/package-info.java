/** Organisations that refer people, provide services, or both. */
package org.waypoint.core.organisation;
