/** The reports page: figures as charts, accessible tables and CSV files drawn from one published table. */
package org.waypoint.web.report;
