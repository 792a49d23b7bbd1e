/** The signed-in user, their API tokens, and the administrator's accounts. */
package org.waypoint.api.account;
