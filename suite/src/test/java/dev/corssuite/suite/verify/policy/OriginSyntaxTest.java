package dev.corssuite.suite.verify.policy;

import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.util.Optional;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

public class OriginSyntaxTest {
    @DataProvider
    public Object[][] origins() {
        return new Object[][] {
            {"https://app.example.com", "https", "app.example.com", -1},
            {"http://localhost:3000", "http", "localhost", 3000},
            {"http://127.0.0.1:8080", "http", "127.0.0.1", 8080},
            {"http://[::1]:3000", "http", "[::1]", 3000},
            {"https://[2001:db8::1]", "https", "[2001:db8::1]", -1},
            {"https://xn--bcher-kva.example", "https", "xn--bcher-kva.example", -1},
        };
    }

    @Test(dataProvider = "origins")
    public void aSerializedOriginIsReadIntoItsParts(String text, String scheme, String host, int port) {
        OriginSyntax.Read read = OriginSyntax.read(text, false);
        assertEquals(read.problem(), Optional.empty());
        assertEquals(read.parts().orElseThrow(), new OriginSyntax.Parts(scheme, host, port));
        assertEquals(read.parts().orElseThrow().serialize(), text);
    }

    @DataProvider
    public Object[][] notAsBrowsersSendIt() {
        return new Object[][] {
            {"HTTPS://app.example.com", "upper-case scheme; browsers send it in lower case: https://app.example.com"},
            {"Http://[::1]:3000", "browsers send it in lower case: http://[::1]:3000"},
            {"https://bücher.example", "punycode form: https://xn--bcher-kva.example"},
            {"https://BÜCHER.example:8443", "punycode form: https://xn--bcher-kva.example:8443"},
            {"http://[0:0:0:0:0:0:0:1]:3000", "browsers, which send http://[::1]:3000"},
            {"http://[2001:DB8::1]", "browsers, which send http://[2001:db8::1]"},
            {"http://[2001:db8:0:0:1:0:0:1]", "browsers, which send http://[2001:db8::1:0:0:1]"},
            {"http://[::ffff:127.0.0.1]", "browsers, which send http://[::ffff:7f00:1]"},
            {"http://[::1]:80", "default port 80; browsers leave it out and send http://[::1]"},
            {"http://[::1]/", "a trailing slash; an origin has none, browsers send http://[::1]"},
            {"http://[::g]:3000", "not a valid IPv6 address"},
            {"http://[127.0.0.1]", "not a valid IPv6 address"},
            {"http://::1:3000", "IPv6 address without brackets"},
            {"http", "is not an origin"},
            {"http://[::1]:x", "port 'x' is not a number"},
            {"https://App.example.com", "lower case: https://app.example.com"},
            {"ftp://files.example.com", "scheme 'ftp'"},
        };
    }

    @Test(dataProvider = "notAsBrowsersSendIt")
    public void anOriginNotWrittenAsBrowsersSendItIsRefusedWithTheirForm(String text, String expected) {
        Optional<String> problem = OriginSyntax.read(text, true).problem();
        assertTrue(problem.isPresent() && problem.get().contains(expected), text + ": " + problem);
    }

    @Test
    public void theIpv6SerializerCompressesTheFirstLongestZeroRun() {
        assertEquals(OriginSyntax.ipv6Serialized(new byte[16]), "::");
        byte[] first = new byte[16];
        first[1] = 1;
        assertEquals(OriginSyntax.ipv6Serialized(first), "1::");
        byte[] twoRuns = {0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4};
        assertEquals(OriginSyntax.ipv6Serialized(twoRuns), "1::2:0:0:3:4");
        byte[] single = {0, 1, 0, 0, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7};
        assertEquals(OriginSyntax.ipv6Serialized(single), "1:0:2:3:4:5:6:7");
    }
}
