package example.corsapp;

import dev.corssuite.suite.api.CorsVerification;
import dev.corssuite.suite.api.Verification;
import dev.corssuite.suite.verify.findings.FindingKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spring fix in fixes.md, proven by a re-run: a misconfigured profile has its findings; the Java classes of
 * fixes.md's Spring section are compiled as they are and put in the app in place of its own CORS configuration;
 * the findings the suggestion addresses are gone.
 */
class SuggestedFixTest {
    private static final Path POLICY = Path.of("cors-policy.yaml");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");

    /**
     * {@code fixedProfiles}: the app with its own CORS bean taken out ("suggested" activates none of CorsProfiles'
     * beans). With the suggested classes alone, security-first's own chain (login for everything, CORS disabled)
     * still answers anonymous requests 401 without CORS headers; with the one line the suggestion names for that
     * chain (http.cors(Customizer.withDefaults()): profile security-first-cors-line) nothing is left.
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "any-origin-credentials; suggested; origin-reflected null-allowed lookalike-allowed; ",
        "security-first; security-first; preflight-refused policy-allows-server-rejects; policy-allows-server-rejects",
        "security-first; security-first-cors-line; preflight-refused policy-allows-server-rejects; ",
    })
    void theSuggestedSpringConfigurationRemovesTheFindings(String broken, String fixedProfiles, String foundBefore,
                                                            String leftAfter) throws Exception {
        Set<FindingKind> expectedGone = kinds(foundBefore);
        Verification before;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CorsApp.class).profiles(broken)
                .run("--server.port=0")) {
            before = verify(app);
        }
        assertTrue(before.kinds().containsAll(expectedGone), broken + " lacks some of " + expectedGone + ":\n"
                + before.describe());

        List<String> sources = springSection(Files.readString(before.fixes()));
        assertEquals(2, sources.size(), "fixes.md's Spring section should have two classes");
        Path classes = compile(sources);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            List<Class<?>> suggested = new ArrayList<>();
            for (String source : sources) {
                suggested.add(loader.loadClass(className(source)));
            }
            Verification fixed;
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder()
                    .resourceLoader(new DefaultResourceLoader(loader)).sources(CorsApp.class)
                    .sources(suggested.toArray(Class<?>[]::new)).profiles(fixedProfiles).run("--server.port=0")) {
                fixed = verify(app);
            }
            Set<FindingKind> left = EnumSet.noneOf(FindingKind.class);
            left.addAll(fixed.kinds());
            assertEquals(kinds(leftAfter), left, fixed.describe());
        }
    }

    private static Verification verify(ConfigurableApplicationContext app) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        return CorsVerification.target("http://127.0.0.1:" + port).policy(POLICY)
                .browsers(System.getProperty("cors.browsers", "chromium").split(","))
                .workDir(Files.createTempDirectory("cors-spring-fix"))
                .output(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
    }

    private static List<String> springSection(String fixes) {
        String spring = fixes.substring(fixes.indexOf("## Spring"));
        int next = spring.indexOf("\n## ", 1);
        spring = next < 0 ? spring : spring.substring(0, next);
        List<String> blocks = new ArrayList<>();
        for (Matcher m = JAVA_BLOCK.matcher(spring); m.find(); ) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static String className(String source) {
        Matcher m = CLASS_NAME.matcher(source);
        assertTrue(m.find(), "no public class in:\n" + source);
        return m.group(1);
    }

    private static Path compile(List<String> sources) throws Exception {
        Path dir = Files.createTempDirectory("cors-spring-fix-classes");
        List<String> args = new ArrayList<>(List.of("-d", dir.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none"));
        for (String source : sources) {
            Path file = dir.resolve(className(source) + ".java");
            Files.writeString(file, source);
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, args.toArray(String[]::new));
        assertEquals(0, status, "the suggested Spring classes do not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        return dir;
    }

    private static Set<FindingKind> kinds(String ids) {
        if (ids == null || ids.isBlank()) {
            return EnumSet.noneOf(FindingKind.class);
        }
        return Arrays.stream(ids.trim().split("\\s+")).map(id -> Arrays.stream(FindingKind.values())
                .filter(k -> k.id().equals(id)).findFirst().orElseThrow()).collect(Collectors.toCollection(
                        () -> EnumSet.noneOf(FindingKind.class)));
    }
}
