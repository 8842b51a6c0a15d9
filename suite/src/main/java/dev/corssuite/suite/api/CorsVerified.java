package dev.corssuite.suite.api;

import dev.corssuite.suite.api.junit.CorsVerificationExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test method (or every test method of a class) whose server must behave as its CORS policy intends: after
 * the method's body passes, the verification runs and the test fails with the findings printed. In JUnit 5 the
 * annotation registers its extension itself; in TestNG add
 * {@code @Listeners(dev.corssuite.suite.api.testng.CorsVerificationListener.class)}. (Without JUnit on the class
 * path the JVM ignores the {@code @ExtendWith} meta-annotation.)
 * <p>
 * {@code {port}} in {@link #target} is the test's server port: a field annotated with {@link CorsPort}, or with
 * Spring Boot's {@code @LocalServerPort} (read by name: no Spring dependency), read after the test ran.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(CorsVerificationExtension.class)
public @interface CorsVerified {
    /** The policy file (YAML), relative to the working folder (a Maven module's folder). */
    String policy();

    /** The server's base URL; {@code {port}} is the test's server port. */
    String target() default "http://localhost:{port}";

    /** chromium, firefox, webkit; "all" is every installed one. System property {@code cors.browsers} wins. */
    String[] browsers() default {"all"};

    /** The least severity that fails: critical, high, medium, low, info. */
    String failOn() default "info";

    /** A baseline file of accepted findings; empty for none. */
    String baseline() default "";

    /** Also write SARIF here; empty for none. */
    String sarif() default "";
}
