package dev.corssuite.suite.verify;

import org.testng.annotations.Test;

import java.util.Optional;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

public class VerifyPlacementTest {
    private static String refusal(String grid, int sessions, String bind, String advertise) {
        return expectThrows(IllegalArgumentException.class,
                () -> VerifyPlacement.of(grid, sessions, bind, advertise)).getMessage();
    }

    @Test
    public void withoutOptionsTheBrowsersRunHereBehindALoopbackProxy() {
        assertEquals(VerifyPlacement.of(null, 1, null, null), VerifyPlacement.LOCAL);
    }

    @Test
    public void theProxyListensWhereAskedAndIsNamedByTheFirstAdvertisedHost() {
        VerifyPlacement placement = VerifyPlacement.of("http://grid:4444", 3, "0.0.0.0", "runner.example,10.0.0.5");
        assertEquals(placement, new VerifyPlacement(Optional.of("http://grid:4444"), 3, "0.0.0.0", "runner.example"));
    }

    @Test
    public void badValuesNameTheirOption() {
        assertTrue(refusal(null, 0, null, null).contains("--sessions 0: at least one session"));
        assertTrue(refusal(null, 1, "192.0.2.250", null).startsWith("--bind 192.0.2.250"));
        assertTrue(refusal(null, 1, null, "runner_example").startsWith("--advertise-host runner_example"));
    }
}
