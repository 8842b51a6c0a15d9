package dev.corssuite.suite.cli;

import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.run.RunSettings;
import dev.corssuite.suite.serve.ServeApp;
import dev.corssuite.suite.verify.TargetVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Starts the interactive page: one request in every engine side by side, a policy's matrix, history and exports. */
@Command(name = "serve", description = "Start the interactive page (loopback by default): one request, every engine, "
        + "side by side; a policy's verify matrix with live progress; the session's history and exports.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "0", description = "Port to listen on (default: any free port)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: 127.0.0.1, this machine only)")
    String bind;

    @Option(names = "--browsers", defaultValue = "all",
            description = "Comma-separated: chromium, firefox, webkit (default: all installed)")
    String browsers;

    @Override
    public Integer call() throws Exception {
        Path root;
        List<String> engines = RunSettings.split(browsers);
        try {
            root = RunSettings.projectRoot();
            EngineSelection.choose(engines);
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return TargetVerification.BAD_INPUT;
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        CountDownLatch stopped = new CountDownLatch(1);
        try (ServeApp app = new ServeApp(root, bind, port, engines, results -> {
            java.io.ByteArrayOutputStream why = new java.io.ByteArrayOutputStream();
            if (ReportOutput.write(results, root, null, true, 0, quiet, new PrintStream(why, true,
                    java.nio.charset.StandardCharsets.UTF_8)) == ReportOutput.NO_REPORT) {
                throw new java.io.IOException(why.toString(java.nio.charset.StandardCharsets.UTF_8).strip());
            }
            return root.resolve("reports").resolve("allure-report").resolve("index.html");
        })) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "serve-stop"));
            System.out.println("The interactive page: " + app.url() + "  (Ctrl-C stops it)");
            stopped.await();
        }
        return 0;
    }
}
