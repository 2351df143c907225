package dev.moments.adapter.persistence;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an adapter whose every method reports a database that cannot be used now (down, restarting, out of
 * connections) as the application's {@code StoreUnavailableException}, whatever Hibernate, Agroal or the driver
 * threw; see {@link StoreOutageInterceptor}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StoreOutages {
}
