/** Operational metrics for {@code /metrics}: Micrometer meters, counted where things happen and read from the database at scrape. */
package org.waypoint.web.metrics;
