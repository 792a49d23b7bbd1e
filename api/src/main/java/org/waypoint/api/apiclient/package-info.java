/** API clients: the administrator's registry of them, and the OAuth 2.0 token endpoint where they trade credentials for access tokens. */
package org.waypoint.api.apiclient;
