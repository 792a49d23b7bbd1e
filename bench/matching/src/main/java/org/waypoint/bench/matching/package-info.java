/** JMH benchmark of matching over a generated directory of support services. */
package org.waypoint.bench.matching;
