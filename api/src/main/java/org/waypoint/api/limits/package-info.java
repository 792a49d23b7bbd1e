/** Rate limits on the API, per token and per client address, and the RateLimit headers that tell clients about them. */
package org.waypoint.api.limits;
