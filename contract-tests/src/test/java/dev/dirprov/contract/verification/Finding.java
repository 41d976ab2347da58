package dev.dirprov.contract.verification;

/**
 * One way an interaction of a pact breaks the spec.
 *
 * @param interaction the interaction's description
 * @param location where in the interaction, such as {@code response body /mapping/0} or {@code request path}
 * @param rule the validator's key for the rule, such as {@code validation.response.body.schema.required}
 * @param message what the validator says, in words
 */
record Finding(String interaction, String location, String rule, String message) {

  @Override
  public String toString() {
    return "interaction \"" + interaction + "\": " + location + " breaks " + rule + ": " + message;
  }
}
