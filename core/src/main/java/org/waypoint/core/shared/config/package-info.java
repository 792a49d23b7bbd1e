/** Settings the application needs before MicroProfile Config can serve it: where its files and its database are. */
package org.waypoint.core.shared.config;
