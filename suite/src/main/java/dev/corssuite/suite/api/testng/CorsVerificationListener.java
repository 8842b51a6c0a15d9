package dev.corssuite.suite.api.testng;

import dev.corssuite.suite.api.AnnotatedVerification;
import org.testng.IInvokedMethod;
import org.testng.IInvokedMethodListener;
import org.testng.ITestResult;

/**
 * TestNG: {@code @Listeners(CorsVerificationListener.class)} runs the {@code @CorsVerified} verification after each
 * test method that passed and carries it (or whose class does); a failing one turns the test into a failure with the
 * findings as its message.
 */
public final class CorsVerificationListener implements IInvokedMethodListener {
    @Override
    public void afterInvocation(IInvokedMethod method, ITestResult result) {
        if (!method.isTestMethod() || result.getStatus() != ITestResult.SUCCESS) {
            return;
        }
        var settings = AnnotatedVerification.find(method.getTestMethod().getConstructorOrMethod().getMethod());
        if (settings.isEmpty()) {
            return;
        }
        try {
            AnnotatedVerification.verifyOrFail(settings.get(), result.getInstance());
        } catch (AssertionError | RuntimeException e) {
            result.setStatus(ITestResult.FAILURE);
            result.setThrowable(e);
        }
    }
}
