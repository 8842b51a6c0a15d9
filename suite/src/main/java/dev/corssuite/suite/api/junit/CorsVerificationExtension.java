package dev.corssuite.suite.api.junit;

import dev.corssuite.suite.api.AnnotatedVerification;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

import java.lang.reflect.Method;

/** Runs the test's {@code @CorsVerified} verification after its body; a failing one fails the test with the findings. */
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
