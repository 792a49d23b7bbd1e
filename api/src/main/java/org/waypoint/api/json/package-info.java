/** How the API reads JSON: strictly, and only bodies of a sane shape. */
package org.waypoint.api.json;
