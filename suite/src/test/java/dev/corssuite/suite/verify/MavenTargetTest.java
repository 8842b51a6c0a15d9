package dev.corssuite.suite.verify;

import dev.corssuite.suite.browser.Settings;
import dev.corssuite.suite.run.RunSettings;
import org.testng.SkipException;
import org.testng.annotations.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.testng.Assert.assertEquals;

/**
 * {@code mvn verify -Dcors.target=URL -Dcors.policy=FILE}: the Maven way of {@code run --target --policy}. Fails
 * with the printed report when a request differs from the policy or a finding exists; skipped when not asked for.
 */
@Test(groups = "browser")
public class MavenTargetTest {
    @Test
    public void theServerNamedByCorsTargetBehavesAsItsPolicyIntends() throws Exception {
        Optional<String> target = Settings.get("cors.target");
        Optional<String> policy = Settings.get("cors.policy");
        if (target.isEmpty() && policy.isEmpty()) {
            throw new SkipException("no server to verify: pass -Dcors.target=URL -Dcors.policy=FILE");
        }
        Path policyFile = policy.map(Path::of).map(p -> p.isAbsolute() || Files.exists(p) ? p
                : Path.of(System.getProperty("cors.root", "..")).resolve(p)).orElse(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VerifyResult result;
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            result = TargetVerification.execute(VerifyOptions.of(target.orElse(null), policyFile,
                    RunSettings.split(System.getProperty("cors.browsers", "all")), RunSettings.projectRoot()), print,
                    print);
        }
        String report = out.toString(StandardCharsets.UTF_8);
        System.out.println(report);
        assertEquals(result.exitCode(), TargetVerification.OK, report);
    }
}
