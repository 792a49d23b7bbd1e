/** The web front end: server-rendered pages, and the assembly of every module into the one WAR. */
package org.waypoint.web;
