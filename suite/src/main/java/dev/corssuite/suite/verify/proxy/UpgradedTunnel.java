package dev.corssuite.suite.verify.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bytes of a connection after the target switched it to another protocol (a WebSocket's 101), copied both ways
 * until both ends are done. HttpCore 5's classic connections have no protocol-upgrade hand-over (only its async
 * reactor does), and after the 101 nothing on the wire is HTTP any more, so this copy is the proxy's own: the target's
 * side starts with what HttpCore read past the 101's head ({@code fromTarget}), each side's end is passed on as a
 * half-close. A copy that breaks while the other direction still runs is a fault of the proxy's relaying, reported
 * for the request; an end after the other side finished is the ordinary close.
 */
final class UpgradedTunnel {
    private UpgradedTunnel() {
    }

    static void run(Socket browser, InputStream fromTarget, Socket target, ExecutorService workers)
            throws ProxyFault {
        AtomicBoolean oneEnded = new AtomicBoolean();
        try {
            browser.setSoTimeout(0);
            target.setSoTimeout(0);
            InputStream fromBrowser = browser.getInputStream();
            OutputStream toTarget = target.getOutputStream();
            OutputStream toBrowser = browser.getOutputStream();
            Future<String> up = workers.submit(() -> copy(fromBrowser, toTarget, target, oneEnded,
                    "browser to target"));
            String down = copy(fromTarget, toBrowser, browser, oneEnded, "target to browser");
            String upBroke = up.get();
            String broke = down != null ? down : upBroke;
            if (broke != null) {
                throw new ProxyFault("the WebSocket tunnel broke (" + broke + ")", true);
            }
        } catch (IOException e) {
            throw new ProxyFault("cannot tunnel the upgraded connection: " + e, true);
        } catch (ExecutionException e) {
            throw new ProxyFault("the WebSocket tunnel failed: " + e.getCause(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies until the source ends; null when it ended normally (or after the other direction), else what broke. */
    private static String copy(InputStream from, OutputStream out, Socket to, AtomicBoolean oneEnded,
                               String direction) {
        try {
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = from.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            oneEnded.set(true);
            if (!to.isClosed() && !to.isOutputShutdown()) {
                to.shutdownOutput();
            }
            return null;
        } catch (IOException e) {
            boolean afterTheOther = oneEnded.getAndSet(true);
            closeQuietly(to);
            return afterTheOther ? null : direction + ": " + e.getMessage();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
