package dev.dirprov.spec.drift;

import dev.dirprov.spec.drift.Difference.Group;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares two schemas as the parser read them, following {@code $ref}s into each document's components and
 * descending into properties, array items, additional properties and compositions at any depth.
 *
 * <pre>{@code
 * new SchemaComparator(ours, auth0, (group, oursAt, auth0At, what) -> ...)
 *         .compare(ourSchema, "#/components/schemas/A", theirSchema, "#/components/schemas/A");
 * }</pre>
 *
 * <p>Both dialects mean the same here: OpenAPI 3.0's {@code nullable: true} and 3.1's {@code 'null'} in a type
 * array, 3.0's boolean {@code exclusiveMinimum} next to {@code minimum} and 3.1's numeric one, and a 3.1
 * {@code anyOf}/{@code oneOf} of one schema and {@code type: 'null'}. Descriptions, titles, examples, defaults
 * and vendor extensions are not compared.
 */
final class SchemaComparator {

    /** Receives each difference found. */
    @FunctionalInterface
    interface Sink {
        void differ(Group group, String ours, String upstream, String what);
    }

    private static final String SCHEMAS = "#/components/schemas/";

    private final OpenAPI ours;
    private final OpenAPI upstream;
    private final Sink sink;
    private final Deque<String> path = new ArrayDeque<>();

    SchemaComparator(OpenAPI ours, OpenAPI upstream, Sink sink) {
        this.ours = ours;
        this.upstream = upstream;
        this.sink = sink;
    }

    void compare(Schema<?> ourSchema, String ourPointer, Schema<?> theirSchema, String theirPointer) {
        Resolved our = resolve(ours, ourSchema, ourPointer);
        Resolved their = resolve(upstream, theirSchema, theirPointer);
        if (our.unresolved() != null || their.unresolved() != null) {
            sink.differ(Group.CHANGED, our.pointer(), their.pointer(), our.unresolved() != null
                    ? "our `$ref` " + our.unresolved() + " does not resolve"
                    : "Auth0's `$ref` " + their.unresolved() + " does not resolve");
            return;
        }
        if (our.schema() == null && their.schema() == null) {
            return;
        }
        if (our.schema() == null || their.schema() == null) {
            sink.differ(Group.CHANGED, our.pointer(), their.pointer(),
                    our.schema() == null ? "Auth0 gives a schema where we give none"
                            : "Auth0 gives no schema where we give one");
            return;
        }
        String key = our.pointer() + "|" + their.pointer();
        if (path.contains(key)) {
            return; // a recursive schema: this pair is being compared further up
        }
        path.push(key);
        try {
            compareResolved(our, their);
        } finally {
            path.pop();
        }
    }

    private void compareResolved(Resolved our, Resolved their) {
        Schema<?> o = our.schema();
        Schema<?> t = their.schema();
        String op = our.pointer();
        String tp = their.pointer();

        Set<String> ourTypes = withoutNull(types(o));
        Set<String> theirTypes = withoutNull(types(t));
        if (!ourTypes.equals(theirTypes)) {
            differ(Group.CHANGED, op, "type", tp, "type", "type " + typeText(ourTypes) + " -> "
                    + typeText(theirTypes));
        }
        if (our.nullable() != their.nullable()) {
            differ(Group.CHANGED, op, "type", tp, "type", their.nullable()
                    ? "Auth0 allows null here; we do not" : "Auth0 no longer allows null here");
        }
        compareValue(op, tp, "format", o.getFormat(), t.getFormat());
        compareEnum(op, tp, o.getEnum(), t.getEnum());
        compareValue(op, tp, "const", o.getConst(), t.getConst());

        compareBound(op, tp, "minimum", lower(o), lower(t), true);
        compareBound(op, tp, "maximum", upper(o), upper(t), false);
        compareNumber(op, tp, "multipleOf", o.getMultipleOf(), t.getMultipleOf(), null);
        compareNumber(op, tp, "minLength", o.getMinLength(), t.getMinLength(), true);
        compareNumber(op, tp, "maxLength", o.getMaxLength(), t.getMaxLength(), false);
        compareValue(op, tp, "pattern", o.getPattern(), t.getPattern());
        compareNumber(op, tp, "minItems", o.getMinItems(), t.getMinItems(), true);
        compareNumber(op, tp, "maxItems", o.getMaxItems(), t.getMaxItems(), false);
        compareValue(op, tp, "uniqueItems", Boolean.TRUE.equals(o.getUniqueItems()),
                Boolean.TRUE.equals(t.getUniqueItems()));
        compareNumber(op, tp, "minProperties", o.getMinProperties(), t.getMinProperties(), true);
        compareNumber(op, tp, "maxProperties", o.getMaxProperties(), t.getMaxProperties(), false);

        compareRequired(op, tp, o.getRequired(), t.getRequired());
        compareProperties(op, tp, o.getProperties(), t.getProperties(), t.getRequired());
        compareAdditionalProperties(op, tp, o.getAdditionalProperties(), t.getAdditionalProperties());
        compareChild(op, tp, "items", o.getItems(), t.getItems());
        compareChild(op, tp, "not", o.getNot(), t.getNot());
        compareList(op, tp, "allOf", our.allOf(), their.allOf());
        compareList(op, tp, "anyOf", our.anyOf(), their.anyOf());
        compareList(op, tp, "oneOf", our.oneOf(), their.oneOf());
    }

    private void compareEnum(String op, String tp, List<?> ourEnum, List<?> theirEnum) {
        if (ourEnum == null && theirEnum == null) {
            return;
        }
        if (ourEnum == null || theirEnum == null) {
            differ(Group.CHANGED, op, "enum", tp, "enum", ourEnum == null
                    ? "Auth0 allows only " + values(theirEnum) + "; we allow any value"
                    : "Auth0 no longer restricts the values to " + values(ourEnum));
            return;
        }
        Set<String> our = values(ourEnum);
        Set<String> their = values(theirEnum);
        for (String value : our) {
            if (!their.contains(value)) {
                differ(Group.CHANGED, op, "enum", tp, "enum", "Auth0 removed enum value `" + value + "`");
            }
        }
        for (String value : their) {
            if (!our.contains(value)) {
                differ(Group.UNDESCRIBED, op, "enum", tp, "enum", "Auth0 added enum value `" + value + "`");
            }
        }
    }

    private void compareRequired(String op, String tp, List<String> ourRequired, List<String> theirRequired) {
        Set<String> our = new TreeSet<>(ourRequired == null ? List.of() : ourRequired);
        Set<String> their = new TreeSet<>(theirRequired == null ? List.of() : theirRequired);
        for (String name : their) {
            if (!our.contains(name)) {
                differ(Group.CHANGED, op, "required", tp, "required", "Auth0 now requires `" + name + "`");
            }
        }
        for (String name : our) {
            if (!their.contains(name)) {
                differ(Group.CHANGED, op, "required", tp, "required", "Auth0 no longer requires `" + name + "`");
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private void compareProperties(String op, String tp, Map<String, Schema> ourProperties,
            Map<String, Schema> theirProperties, List<String> theirRequired) {
        Map<String, Schema> our = ourProperties == null ? Map.of() : ourProperties;
        Map<String, Schema> their = theirProperties == null ? Map.of() : theirProperties;
        our.forEach((name, schema) -> {
            String ourAt = Pointers.child(op, "properties", name);
            Schema<?> theirs = their.get(name);
            if (theirs == null) {
                sink.differ(Group.CHANGED, ourAt, Pointers.child(tp, "properties"),
                        "Auth0's schema has no property `" + name + "`");
            } else {
                compare(cast(schema), ourAt, theirs, Pointers.child(tp, "properties", name));
            }
        });
        their.forEach((name, schema) -> {
            if (!our.containsKey(name)) {
                boolean required = theirRequired != null && theirRequired.contains(name);
                sink.differ(Group.UNDESCRIBED, Pointers.child(op, "properties"), Pointers.child(tp, "properties", name),
                        "Auth0 has " + (required ? "a required" : "an optional") + " property `" + name + "`");
            }
        });
    }

    private void compareAdditionalProperties(String op, String tp, Object ourValue, Object theirValue) {
        if (ourValue instanceof Schema<?> ourSchema && theirValue instanceof Schema<?> theirSchema) {
            compare(ourSchema, Pointers.child(op, "additionalProperties"),
                    theirSchema, Pointers.child(tp, "additionalProperties"));
            return;
        }
        String our = additionalText(ourValue);
        String their = additionalText(theirValue);
        if (!our.equals(their)) {
            differ(Group.CHANGED, op, "additionalProperties", tp, "additionalProperties",
                    "additionalProperties " + our + " -> " + their);
        }
    }

    private void compareChild(String op, String tp, String keyword, Schema<?> our, Schema<?> their) {
        if (our == null && their == null) {
            return;
        }
        if (our == null || their == null) {
            differ(Group.CHANGED, op, keyword, tp, keyword,
                    our == null ? "Auth0 adds `" + keyword + "`" : "Auth0 has no `" + keyword + "`");
            return;
        }
        compare(our, Pointers.child(op, keyword), their, Pointers.child(tp, keyword));
    }

    private void compareList(String op, String tp, String keyword, List<Schema<?>> our, List<Schema<?>> their) {
        if (our.size() != their.size()) {
            differ(Group.CHANGED, op, keyword, tp, keyword,
                    keyword + " has " + our.size() + " schemas here and " + their.size() + " in Auth0's");
            return;
        }
        for (int i = 0; i < our.size(); i++) {
            String index = Integer.toString(i);
            compare(our.get(i), Pointers.child(op, keyword, index), their.get(i), Pointers.child(tp, keyword, index));
        }
    }

    private void compareValue(String op, String tp, String keyword, Object our, Object their) {
        if (!Objects.equals(our, their)) {
            differ(Group.CHANGED, op, keyword, tp, keyword, keyword + " " + text(our) + " -> " + text(their));
        }
    }

    /**
     * Compares a size or range constraint; {@code lowerBound} says whether a larger value upstream tightens it
     * (minimum-like), loosens it (maximum-like) or neither ({@code null}).
     */
    private void compareNumber(String op, String tp, String keyword, Number our, Number their, Boolean lowerBound) {
        BigDecimal o = our == null ? null : new BigDecimal(our.toString());
        BigDecimal t = their == null ? null : new BigDecimal(their.toString());
        if (o == null && t == null || o != null && t != null && o.compareTo(t) == 0) {
            return;
        }
        String how;
        if (o == null) {
            how = "added";
        } else if (t == null) {
            how = "removed";
        } else if (lowerBound == null) {
            how = "changed";
        } else {
            how = (t.compareTo(o) > 0) == lowerBound ? "tightened" : "loosened";
        }
        differ(Group.CHANGED, op, keyword, tp, keyword, keyword + " " + how + ": " + text(o) + " -> " + text(t));
    }

    private void compareBound(String op, String tp, String keyword, Bound our, Bound their, boolean lower) {
        if (Objects.equals(our, their)) {
            return;
        }
        if (our != null && their != null && our.value().compareTo(their.value()) == 0
                && our.exclusive() == their.exclusive()) {
            return;
        }
        String how;
        if (our == null) {
            how = "added";
        } else if (their == null) {
            how = "removed";
        } else {
            int order = their.value().compareTo(our.value());
            boolean tighter = order == 0 ? their.exclusive() : (order > 0) == lower;
            how = tighter ? "tightened" : "loosened";
        }
        differ(Group.CHANGED, op, keyword, tp, keyword, keyword + " " + how + ": "
                + boundText(our, lower) + " -> " + boundText(their, lower));
    }

    private void differ(Group group, String op, String ourKeyword, String tp, String theirKeyword, String what) {
        sink.differ(group, Pointers.child(op, ourKeyword), Pointers.child(tp, theirKeyword), what);
    }

    // ---- normalisation of the two dialects ----

    /** A schema after following {@code $ref}s, with a 3.1 "X or null" composition turned into nullable X. */
    private record Resolved(Schema<?> schema, String pointer, boolean nullable, String unresolved,
            List<Schema<?>> allOf, List<Schema<?>> anyOf, List<Schema<?>> oneOf) {
    }

    @SuppressWarnings("rawtypes")
    private Resolved resolve(OpenAPI document, Schema<?> schema, String pointer) {
        Schema<?> current = schema;
        String at = pointer;
        for (int hops = 0; current != null && current.get$ref() != null; hops++) {
            String reference = current.get$ref();
            Map<String, Schema> components = document.getComponents() == null ? null
                    : document.getComponents().getSchemas();
            Schema<?> target = !reference.startsWith(SCHEMAS) || components == null || hops > 32 ? null
                    : cast(components.get(reference.substring(SCHEMAS.length())));
            if (target == null) {
                return new Resolved(null, at, false, reference, List.of(), List.of(), List.of());
            }
            current = target;
            at = Pointers.child("#/components/schemas", reference.substring(SCHEMAS.length()));
        }
        if (current == null) {
            return new Resolved(null, at, false, null, List.of(), List.of(), List.of());
        }
        boolean nullable = Boolean.TRUE.equals(current.getNullable()) || types(current).contains("null");
        List<Schema<?>> anyOf = list(current.getAnyOf());
        List<Schema<?>> oneOf = list(current.getOneOf());
        for (List<Schema<?>> alternatives : List.of(anyOf, oneOf)) {
            Schema<?> only = nonNullAlternative(document, alternatives);
            if (only != null && types(current).isEmpty()) {
                String keyword = alternatives == anyOf ? "anyOf" : "oneOf";
                int index = alternatives.indexOf(only);
                Resolved inner = resolve(document, only, Pointers.child(at, keyword, Integer.toString(index)));
                return new Resolved(inner.schema(), inner.pointer(), true, inner.unresolved(),
                        inner.allOf(), inner.anyOf(), inner.oneOf());
            }
        }
        return new Resolved(current, at, nullable, null, list(current.getAllOf()), anyOf, oneOf);
    }

    /** The one alternative that is not {@code type: 'null'}, when the other one is; else {@code null}. */
    private Schema<?> nonNullAlternative(OpenAPI document, List<Schema<?>> alternatives) {
        if (alternatives.size() != 2) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            Schema<?> candidate = alternatives.get(i);
            Schema<?> other = alternatives.get(1 - i);
            if (other.get$ref() == null && types(other).equals(Set.of("null"))) {
                return candidate;
            }
        }
        return null;
    }

    private static Set<String> types(Schema<?> schema) {
        Set<String> types = new TreeSet<>();
        if (schema.getTypes() != null) {
            types.addAll(schema.getTypes());
        }
        if (schema.getType() != null) {
            types.add(schema.getType());
        }
        if (Boolean.TRUE.equals(schema.getNullable())) {
            types.add("null");
        }
        return types;
    }

    private static Set<String> withoutNull(Set<String> types) {
        Set<String> nonNull = new TreeSet<>(types);
        nonNull.remove("null");
        return nonNull;
    }

    private record Bound(BigDecimal value, boolean exclusive) {
    }

    private static Bound lower(Schema<?> schema) {
        return bound(schema, Schema::getExclusiveMinimumValue, Schema::getMinimum, Schema::getExclusiveMinimum);
    }

    private static Bound upper(Schema<?> schema) {
        return bound(schema, Schema::getExclusiveMaximumValue, Schema::getMaximum, Schema::getExclusiveMaximum);
    }

    private static Bound bound(Schema<?> schema, Function<Schema<?>, BigDecimal> exclusiveValue,
            Function<Schema<?>, BigDecimal> inclusive, Function<Schema<?>, Boolean> exclusiveFlag) {
        if (exclusiveValue.apply(schema) != null) {
            return new Bound(exclusiveValue.apply(schema), true);
        }
        if (inclusive.apply(schema) != null) {
            return new Bound(inclusive.apply(schema), Boolean.TRUE.equals(exclusiveFlag.apply(schema)));
        }
        return null;
    }

    private static String boundText(Bound bound, boolean lower) {
        if (bound == null) {
            return "none";
        }
        return (lower ? (bound.exclusive() ? "> " : ">= ") : (bound.exclusive() ? "< " : "<= "))
                + bound.value().toPlainString();
    }

    private static String additionalText(Object value) {
        if (value == null) {
            return "any (unspecified)";
        }
        return value instanceof Boolean b ? b.toString() : "a schema";
    }

    private static Set<String> values(List<?> values) {
        Set<String> text = new LinkedHashSet<>();
        values.forEach(value -> text.add(String.valueOf(value)));
        return text;
    }

    private static String typeText(Set<String> types) {
        return types.isEmpty() ? "(any)" : String.join("|", types);
    }

    private static String text(Object value) {
        if (value == null) {
            return "none";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : "`" + value + "`";
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<Schema<?>> list(List<Schema> schemas) {
        return schemas == null ? List.of() : (List<Schema<?>>) (List) schemas;
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> cast(Schema schema) {
        return schema;
    }
}
