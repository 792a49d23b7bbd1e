/**
 * Idempotency records: the keys users' requests were claimed with, the first response kept for
 * repeats, and how long they are kept. What a repeat gets over HTTP is the API's.
 */
package org.waypoint.core.idempotency;
