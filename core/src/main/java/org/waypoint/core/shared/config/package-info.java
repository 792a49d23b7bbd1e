/** Settings the application needs before MicroProfile Config can serve it: where its files and its database are, and its encryption keys. */
package org.waypoint.core.shared.config;
