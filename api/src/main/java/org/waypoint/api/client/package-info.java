/** The people referred, over HTTP. */
package org.waypoint.api.client;
