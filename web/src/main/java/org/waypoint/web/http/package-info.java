/** HTTP hardening at the servlet level: request body limits, response headers, the container's error pages. */
package org.waypoint.web.http;
