/** The REST API, version 1: JAX-RS resources, request and response records. */
package org.waypoint.api;
