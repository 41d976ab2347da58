package dev.dirprov.contract.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The few facts about the git work tree that publishing needs, each from one {@code git} command that gets at
 * most {@link #TIMEOUT}.
 *
 * <pre>{@code
 * GitWorkTree git = new GitWorkTree(Path.of("."));
 * String sha = git.head();                      // full sha of HEAD
 * List<String> dirty = git.uncommittedChanges(); // "M pom.xml", "?? notes.txt", ...
 * }</pre>
 */
final class GitWorkTree {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Path directory;

    GitWorkTree(Path directory) {
        this.directory = directory;
    }

    /** The full sha of HEAD. */
    String head() throws PublishException {
        return git("rev-parse", "HEAD").strip();
    }

    /** The checked-out branch, or {@code null} when HEAD is detached. */
    String branch() throws PublishException {
        String branch = git("rev-parse", "--abbrev-ref", "HEAD").strip();
        return "HEAD".equals(branch) ? null : branch;
    }

    /** Modified, staged and untracked (not ignored) files, as {@code git status --porcelain} lists them. */
    List<String> uncommittedChanges() throws PublishException {
        return git("status", "--porcelain").lines().filter(line -> !line.isBlank()).toList();
    }

    private String git(String... arguments) throws PublishException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        String shown = String.join(" ", command.subList(3, command.size()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new PublishException("cannot run git " + shown + " in " + directory + ": " + e.getMessage(), e);
        }
        InputStream output = process.getInputStream();
        // Read while git runs, so a long listing cannot fill the pipe and stall it.
        java.util.concurrent.CompletableFuture<byte[]> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (output) {
                return output.readNBytes(1 << 20);
            } catch (IOException e) {
                return new byte[0];
            }
        });
        try {
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new PublishException("git " + shown + " in " + directory + " did not finish within " + TIMEOUT);
            }
            String text = new String(read.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new PublishException("git " + shown + " in " + directory + " failed (exit "
                        + process.exitValue() + "): " + text.strip());
            }
            return text;
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new PublishException("git " + shown + " in " + directory + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new PublishException("interrupted while running git " + shown, e);
        }
    }
}
