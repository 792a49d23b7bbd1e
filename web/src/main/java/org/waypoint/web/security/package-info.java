/**
 * Who is calling, decided once for every request to the application: the one Jakarta Security
 * authentication mechanism (ADR 0021).
 */
package org.waypoint.web.security;
