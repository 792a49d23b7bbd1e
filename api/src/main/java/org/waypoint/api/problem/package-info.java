/** Errors as RFC 9457 problem+json: the kinds, their stable type URIs, and the central mapping from exceptions. */
package org.waypoint.api.problem;
