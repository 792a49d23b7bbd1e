/** Organisations over HTTP. */
package org.waypoint.api.organisation;
