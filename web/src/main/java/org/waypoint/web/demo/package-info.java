/** The fictional demo data set, loaded only when demo mode is on. */
package org.waypoint.web.demo;
