package dev.corssuite.suite.api.junit;

import dev.corssuite.suite.api.AnnotatedVerification;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

import java.lang.reflect.Method;

/** Runs the {@code @CorsVerified} verification after the test body; a failing one fails the test, findings shown. */
public final class CorsVerificationExtension implements InvocationInterceptor {
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext extensionContext) throws Throwable {
        invocation.proceed();
        var settings = AnnotatedVerification.find(invocationContext.getExecutable());
        if (settings.isPresent()) {
            AnnotatedVerification.verifyOrFail(settings.get(), extensionContext.getRequiredTestInstance());
        }
    }
}
