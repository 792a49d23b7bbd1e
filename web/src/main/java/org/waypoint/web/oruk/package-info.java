/** The directory in Open Referral UK 3.0: the public read API under {@code /oruk/} and the administrators' export. */
package org.waypoint.web.oruk;
