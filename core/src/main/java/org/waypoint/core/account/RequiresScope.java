package org.waypoint.core.account;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an API client's token needs to call an entry point, beside its {@link Allowed} roles.
 * People signed in with a password or a personal token are not affected. A method without it is
 * refused to every API client, so forgetting one fails closed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresScope {

    ApiScope value();
}
