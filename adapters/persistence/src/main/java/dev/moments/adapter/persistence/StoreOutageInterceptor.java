package dev.moments.adapter.persistence;

import dev.moments.application.port.StoreUnavailableException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Turns a failure that means "the database cannot be used now" ({@link SqlStates#isUnavailable}) into
 * {@link StoreUnavailableException} at the boundary of every adapter marked {@link StoreOutages}, in a transaction or
 * outside one, so the caller answers 503 rather than treating it as a defect. Any other failure passes unchanged.
 */
@StoreOutages
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class StoreOutageInterceptor {

    @AroundInvoke
    Object translate(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (SqlStates.isUnavailable(e)) {
                throw unavailable(e);
            }
            throw e;
        }
    }

    static StoreUnavailableException unavailable(Throwable cause) {
        return new StoreUnavailableException("the database cannot be used now (unreachable, restarting or out of"
                + " connections); nothing was changed", cause);
    }
}
