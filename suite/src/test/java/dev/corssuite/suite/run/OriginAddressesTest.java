package dev.corssuite.suite.run;

import org.testng.annotations.Test;

import java.util.Optional;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

public class OriginAddressesTest {
    private static String refusal(String bind, String advertise) {
        return expectThrows(IllegalArgumentException.class,
                () -> OriginAddresses.of(Optional.ofNullable(bind), Optional.ofNullable(advertise))).getMessage();
    }

    @Test
    public void withoutOptionsTheOriginsStayOnLoopback() {
        assertEquals(OriginAddresses.of(Optional.empty(), Optional.empty()), OriginAddresses.LOOPBACK);
    }

    @Test
    public void twoHostsServePageAndCrossHostRoles() {
        OriginAddresses a = OriginAddresses.of(Optional.of("0.0.0.0"), Optional.of("LocalHost,127.0.0.1"));
        assertEquals(a, new OriginAddresses("0.0.0.0", "localhost", "127.0.0.1"));
    }

    @Test
    public void oneNameLendsItsAddressToTheCrossHostRoles() {
        assertEquals(OriginAddresses.of(Optional.empty(), Optional.of("localhost")).crossHost(), "127.0.0.1");
    }

    @Test
    public void badValuesAreRefusedWithTheOptionAndAFix() {
        assertTrue(refusal(null, "a,b,c").contains("one or two host names"));
        assertTrue(refusal(null, "localhost,LOCALHOST").contains("must differ"));
        assertTrue(refusal(null, "10.1.2.3").contains("--advertise-host 10.1.2.3,NAME"));
        assertTrue(refusal(null, "[::1]").contains("one or two host names"));
        assertTrue(refusal("192.0.2.254", null).contains("--bind 192.0.2.254 is not an address of this machine"));
    }

    @Test
    public void hostsOfDifferentAddressKindsAreRefusedBecauseChromiumWouldBlockBetweenThem() {
        assertTrue(refusal(null, "localhost,8.8.8.8").contains("Local Network Access"));
    }
}
