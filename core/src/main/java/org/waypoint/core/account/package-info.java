/** User accounts, their roles and the organisation each belongs to. */
package org.waypoint.core.account;
