package dev.corssuite.suite.api;

import dev.corssuite.suite.verify.findings.Severity;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** What the test-framework adapters share: find the {@link CorsVerified} of a test, run it, fail readably. */
public final class AnnotatedVerification {
    static final String SPRING_PORT = "org.springframework.boot.test.web.server.LocalServerPort";

    private AnnotatedVerification() {
    }

    /** The method's annotation, else its class's (or a superclass's). */
    public static Optional<CorsVerified> find(Method method) {
        CorsVerified onMethod = method.getAnnotation(CorsVerified.class);
        return Optional.ofNullable(onMethod != null ? onMethod
                : method.getDeclaringClass().getAnnotation(CorsVerified.class));
    }

    /** Runs the verification for a test instance and throws an {@link AssertionError} listing what fails. */
    public static Verification verifyOrFail(CorsVerified settings, Object testInstance) {
        Verification v = run(settings, testInstance);
        if (!v.passed()) {
            throw new AssertionError(v.describe());
        }
        return v;
    }

    static Verification run(CorsVerified settings, Object testInstance) {
        String target = settings.target();
        if (target.contains("{port}")) {
            target = target.replace("{port}", String.valueOf(port(testInstance)));
        }
        String browsers = System.getProperty("cors.browsers");
        CorsVerification verification = CorsVerification.target(target).policy(Path.of(settings.policy()))
                .browsers(browsers != null && !browsers.isBlank() ? Arrays.asList(browsers.split(","))
                        : Arrays.asList(settings.browsers()))
                .failOn(Severity.parse(settings.failOn()));
        if (!settings.baseline().isEmpty()) {
            verification.baseline(Path.of(settings.baseline()));
        }
        if (!settings.sarif().isEmpty()) {
            verification.sarif(Path.of(settings.sarif()));
        }
        return verification.run();
    }

    /** The value of the instance's {@link CorsPort} or Spring {@code @LocalServerPort} field. */
    static int port(Object instance) {
        for (Class<?> type = instance.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(CorsPort.class) || Arrays.stream(field.getAnnotations())
                        .map(Annotation::annotationType).anyMatch(a -> a.getName().equals(SPRING_PORT))) {
                    try {
                        field.setAccessible(true);
                        Object value = field.get(instance);
                        if (value instanceof Integer port && port > 0) {
                            return port;
                        }
                        throw new IllegalStateException(field + " holds no port yet: " + value);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot read " + field, e);
                    }
                }
            }
        }
        throw new IllegalStateException("target contains {port} but " + instance.getClass().getName()
                + " has no field annotated @CorsPort or @LocalServerPort");
    }
}
