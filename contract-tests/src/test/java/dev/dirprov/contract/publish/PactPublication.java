package dev.dirprov.contract.publish;

import java.util.Map;

/**
 * What a pact is published as: the consumer version, the branch and the build that made it, taken from the CI
 * environment and, where CI says nothing, from git.
 *
 * <pre>{@code
 * PactPublication publication = PactPublication.from(System.getenv(), "0.1.0-SNAPSHOT", git);
 * publication.consumerVersion(); // 0.1.0-SNAPSHOT+1a2b3c4
 * }</pre>
 *
 * <ul>
 *   <li>consumer version: {@code <project version>+<first 7 characters of the commit sha>}, the sha from
 *       {@code GIT_COMMIT} (Jenkins) or {@code GITHUB_SHA} (GitHub Actions), else {@code git rev-parse HEAD};
 *   <li>branch: {@code GIT_BRANCH}, {@code GITHUB_HEAD_REF} (the source branch of a pull request),
 *       {@code GITHUB_REF_NAME}, else the checked-out branch; {@code origin/} and {@code refs/heads/} are cut off;
 *   <li>build URL: {@code BUILD_URL} (Jenkins), the GitHub Actions run
 *       ({@code GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID}) or {@code CI_JOB_URL} (GitLab),
 *       else none.
 * </ul>
 * An empty variable counts as unset.
 *
 * @param consumerVersion the consumer version the broker records
 * @param branch the consumer branch
 * @param buildUrl the CI build that made the pact, or {@code null}
 */
record PactPublication(String consumerVersion, String branch, String buildUrl) {

    static final int SHORT_SHA = 7;

    static PactPublication from(Map<String, String> env, String projectVersion, GitWorkTree git)
            throws PublishException {
        if (projectVersion == null || projectVersion.isBlank()) {
            throw new PublishException("no project version given");
        }
        String sha = first(env, "GIT_COMMIT", "GITHUB_SHA");
        if (sha == null) {
            sha = git.head();
        }
        if (!sha.matches("[0-9a-fA-F]{7,64}")) {
            throw new PublishException("the commit sha \"" + sha + "\" is not a git sha");
        }
        String branch = first(env, "GIT_BRANCH", "GITHUB_HEAD_REF", "GITHUB_REF_NAME");
        if (branch == null) {
            branch = git.branch();
        }
        if (branch == null) {
            throw new PublishException("no branch: HEAD is detached and none of GIT_BRANCH, GITHUB_HEAD_REF,"
                    + " GITHUB_REF_NAME is set");
        }
        branch = branch.replaceFirst("^refs/heads/", "").replaceFirst("^origin/", "");
        return new PactPublication(projectVersion + "+" + sha.substring(0, SHORT_SHA).toLowerCase(java.util.Locale.ROOT),
                branch, buildUrl(env));
    }

    private static String buildUrl(Map<String, String> env) {
        String jenkins = first(env, "BUILD_URL");
        if (jenkins != null) {
            return jenkins;
        }
        String server = first(env, "GITHUB_SERVER_URL");
        String repository = first(env, "GITHUB_REPOSITORY");
        String run = first(env, "GITHUB_RUN_ID");
        if (server != null && repository != null && run != null) {
            return server + "/" + repository + "/actions/runs/" + run;
        }
        return first(env, "CI_JOB_URL");
    }

    private static String first(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
