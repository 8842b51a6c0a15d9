package dev.corssuite.suite.verify;

import dev.corssuite.origins.HeaderLine;
import dev.corssuite.suite.oracle.OracleAnswer;
import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.run.RunSettings;
import dev.corssuite.suite.verify.matrix.PolicyIntent;
import dev.corssuite.suite.verify.policy.CorsPolicy;
import dev.corssuite.suite.verify.policy.PolicyLoader;
import org.testng.annotations.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * The proxy's faults are the suite's, never the server's: a server that answers the suite's browser-free requests as
 * the policy says, while every request that reaches it through the proxy breaks off in the middle of its answer.
 * Each browser request is an infrastructure error naming the proxy, and nothing is found.
 */
@Test(groups = "browser")
public class ProxyFaultVerificationTest {
    private static final Path ROOT = Path.of(System.getProperty("cors.root", "..")).toAbsolutePath().normalize();

    /**
     * One connection: reads the request head, then answers as the policy says for its origin, or, when the request
     * came through the proxy, sends the head and part of the body and resets the connection.
     */
    private static void serve(Socket socket, CorsPolicy policy) throws IOException {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            if (requestLine == null) {
                return;
            }
            Map<String, String> headers = new HashMap<>();
            for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            String target = requestLine.split(" ")[1];
            boolean throughProxy = target.contains("cors-suite-request=")
                    && !target.contains("cors-suite-request=direct-");
            OutputStream out = socket.getOutputStream();
            if (throughProxy) {
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 10000\r\n\r\n{\"items\": [".getBytes(
                        StandardCharsets.ISO_8859_1));
                out.flush();
                socket.setSoLinger(true, 0);
                return;
            }
            String origin = headers.get("origin");
            boolean preflight = requestLine.startsWith("OPTIONS ")
                    && headers.containsKey("access-control-request-method");
            OracleAnswer ideal = origin == null ? new OracleAnswer(200, List.of(), 0) : preflight
                    ? PolicyIntent.idealPreflight(policy, origin) : PolicyIntent.idealActual(policy, origin);
            String body = preflight ? "" : "{\"items\": []}";
            StringBuilder answer = new StringBuilder("HTTP/1.1 " + (preflight ? "204 No Content" : "200 OK") + "\r\n");
            for (HeaderLine h : ideal.headers()) {
                answer.append(h.name()).append(": ").append(h.value()).append("\r\n");
            }
            answer.append("X-Total-Count: 3\r\nConnection: close\r\nContent-Length: ").append(body.length())
                    .append("\r\n\r\n").append(body);
            out.write(answer.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    @Test
    public void requestsTheProxyCouldNotCarryAreInfrastructureErrorsAndNoFinding() throws Exception {
        Path policyFile = ROOT.resolve("fixtures").resolve("policies").resolve("example-policy.yaml");
        CorsPolicy policy = PolicyLoader.load(policyFile, ROOT.resolve("fixtures").resolve("schema")
                .resolve("cors-policy.schema.json"));
        String engine = EngineSelection.choose(RunSettings.split(System.getProperty("cors.browsers", "all")))
                .engines().get(0).name();
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    new Thread(() -> {
                        try {
                            serve(socket, policy);
                        } catch (IOException | RuntimeException broken) {
                            // one connection less; the others go on
                        }
                    }).start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VerifyResult result;
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            result = TargetVerification.execute(VerifyOptions.of("http://127.0.0.1:" + server.getLocalPort(),
                    policyFile, List.of(engine), ROOT), print, print);
        } finally {
            server.close();
        }
        String console = out.toString(StandardCharsets.UTF_8);
        System.out.println(console);
        assertEquals(result.findings(), List.of(), console);
        long inBrowser = result.outcomes().stream().filter(o -> o.notInBrowsers() == null).count();
        assertTrue(inBrowser > 40, "requests run in " + engine + ": " + inBrowser);
        for (RequestOutcome o : result.outcomes()) {
            if (o.notInBrowsers() != null) {
                continue;
            }
            assertTrue(o.browsers().isEmpty(), o.request().describe() + " has a verdict: " + o.browsers());
            assertTrue(o.infrastructureErrors().get(engine).contains("the suite's proxy failed"),
                    o.request().describe() + ": " + o.infrastructureErrors());
        }
        assertEquals(result.exitCode(), TargetVerification.FINDINGS, "infrastructure errors fail the run: " + console);
    }
}
