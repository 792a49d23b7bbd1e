/** How the application is wired to its environment: the data source and its configuration. */
package org.waypoint.web.config;
