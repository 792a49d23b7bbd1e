/** Who is calling: bearer tokens, the request's actor, and the role checks on every resource method. */
package org.waypoint.api.security;
