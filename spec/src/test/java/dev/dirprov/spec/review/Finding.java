package dev.dirprov.spec.review;

/**
 * One problem a review gate found, with the place to fix it. {@link SpecLinter#describe} puts the file, line and
 * column in front: {@code spec/openapi.yaml:1241:7 #/components/schemas/Foo/properties/barBaz [property-snake-case] ...}.
 *
 * <pre>{@code
 * #/components/schemas/Foo/properties/barBaz [property-snake-case] property name is not snake_case
 * }</pre>
 *
 * @param location where the problem is: a JSON pointer into the spec ({@code #/paths/...}), or an operation
 * @param rule the rule that was broken, a stable kebab-case id
 * @param message what is wrong, in words
 */
record Finding(String location, String rule, String message) {

    @Override
    public String toString() {
        return location + " [" + rule + "] " + message;
    }
}
