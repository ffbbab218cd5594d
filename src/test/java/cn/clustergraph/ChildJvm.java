package cn.clustergraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on the test class path: the way tests run the app as its user would (a command of the jar, a process that
 * is killed). {@link #command} starts the command line; {@link #run} runs a main class to its end and keeps its output.
 */
public final class ChildJvm {

    /** Options that start a short-lived child fast on a small machine (C1 only, serial GC). */
    public static final List<String> FAST = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** What a child that ran to its end said. */
    public record Result(int exitCode, String output) {
    }

    private ChildJvm() {
    }

    /** {@code java <options> -cp <test class path> <mainClass>}: the start of a child's command line. */
    public static List<String> command(List<String> options, String mainClass) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.addAll(List.of("-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), mainClass));
        return command;
    }

    /** Runs {@code mainClass} with {@code args} until it exits (killed after {@code timeout}); stdout and stderr together. */
    public static Result run(List<String> options, String mainClass, List<String> args, Duration timeout) throws IOException, InterruptedException {
        List<String> command = command(options, mainClass);
        command.addAll(args);
        Path log = java.nio.file.Files.createTempFile("child-jvm", ".log");
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly().waitFor();
                throw new AssertionError("child " + args + " still running after " + timeout + ":\n" + tail(log));
            }
            return new Result(child.exitValue(), java.nio.file.Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            java.nio.file.Files.deleteIfExists(log);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
