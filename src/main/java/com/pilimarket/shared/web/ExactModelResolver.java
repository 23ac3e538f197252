package com.pilimarket.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * swagger-core's model resolver, made exact for this API's records so that generated client types
 * are true:
 *
 * <ul>
 *   <li>every record component is <b>required</b> (the server writes every field, null included:
 *       {@code default-property-inclusion: always}); a component marked JSpecify {@link Nullable} also
 *       admits {@code null}; one that is omitted when null ({@code @JsonInclude(NON_NULL)}) is
 *       optional instead;
 *   <li>enums are named schemas ({@code MarketStatus}) listing their wire values: {@code value()}
 *       (what the API writes) when the enum has one;
 *   <li>free-form JSON ({@code Map<String, Object>}, {@code JsonNode}) is "any object", and an SSE
 *       emitter is a text stream, instead of their Java bean properties.
 * </ul>
 *
 * Request bodies may omit their nullable fields; {@link ApiDocumentCustomizer} relaxes those.
 */
class ExactModelResolver extends ModelResolver {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    ExactModelResolver(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType javaType = _mapper.constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        if (raw == SseEmitter.class) {
            return new Schema<>().type("string").description("A stream of server-sent events");
        }
        if (raw == Object.class) {
            return new Schema<>().description("Any JSON value");
        }
        // JSON documents the API passes through (evidence, details) are objects of any shape.
        if (raw.getSimpleName().equals("JsonNode")
                || (javaType.isMapLikeType() && javaType.getContentType().getRawClass() == Object.class)) {
            return new Schema<>().type("object").additionalProperties(true);
        }
        Schema<?> resolved = super.resolve(type, context, chain);
        if (resolved != null && raw.isRecord()) {
            Schema<?> model = definitionOf(resolved, context);
            if (model != null && model.getProperties() != null) {
                describeComponents(raw, model);
            }
        }
        return resolved;
    }

    /** Enums list what the API writes: their {@code value()} (lower case) when they have one. */
    @Override
    protected void _addEnumProps(Class<?> propClass, Schema property) {
        Optional<Method> value = wireValue(propClass);
        if (value.isEmpty()) {
            super._addEnumProps(propClass, property);
            return;
        }
        for (Object constant : propClass.getEnumConstants()) {
            try {
                property.addEnumItemObject(value.get().invoke(constant));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + propClass.getSimpleName() + ".value()", e);
            }
        }
    }

    /** The named schema of an enum ({@code enumsAsRef}): its wire values too. */
    @Override
    protected Schema _createSchemaForEnum(Class<Enum<?>> enumClass) {
        Schema schema = super._createSchemaForEnum(enumClass);
        if (wireValue(enumClass).isPresent()) {
            schema.setEnum(null);
            _addEnumProps(enumClass, schema);
        }
        return schema;
    }

    private static Optional<Method> wireValue(Class<?> enumClass) {
        try {
            Method value = enumClass.getMethod("value");
            return value.getReturnType() == String.class ? Optional.of(value) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static Schema<?> definitionOf(Schema<?> resolved, ModelConverterContext context) {
        String name = resolved.get$ref() != null
                ? resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1)
                : resolved.getName();
        Schema<?> defined = name == null ? null : context.getDefinedModels().get(name);
        return defined != null ? defined : resolved;
    }

    private static void describeComponents(Class<?> record, Schema<?> model) {
        Set<String> required = new LinkedHashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = jsonName(component);
            Schema<?> property = model.getProperties().get(name);
            if (property == null) {
                continue; // hidden from the document
            }
            boolean nullable = isNullable(component);
            if (nullable && omittedWhenNull(record, component)) {
                continue; // absent rather than null: optional, never null
            }
            required.add(name);
            if (nullable) {
                model.getProperties().put(name, admitNull(property));
            }
        }
        List<String> merged = new ArrayList<>(model.getRequired() == null ? List.of() : model.getRequired());
        required.stream().filter(r -> !merged.contains(r)).forEach(merged::add);
        model.setRequired(merged);
    }

    static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAnnotation(JsonProperty.class);
        if (renamed == null) {
            renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        }
        return renamed != null && !renamed.value().isEmpty()
                ? renamed.value()
                : SNAKE_CASE.translate(component.getName());
    }

    private static boolean isNullable(RecordComponent component) {
        return component.getType() == Optional.class
                || component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                || component.getAccessor().getAnnotatedReturnType().isAnnotationPresent(Nullable.class);
    }

    private static boolean omittedWhenNull(Class<?> record, RecordComponent component) {
        JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
        if (include == null) {
            include = component.getAnnotation(JsonInclude.class);
        }
        if (include == null) {
            include = record.getAnnotation(JsonInclude.class);
        }
        return include != null && include.value() != JsonInclude.Include.ALWAYS;
    }

    static Schema<?> nullSchema() {
        Schema<?> schema = new Schema<>();
        schema.addType("null");
        return schema;
    }

    /** The property's schema, widened to admit null (OpenAPI 3.1: a "null" type, or anyOf for a reference). */
    private static Schema<?> admitNull(Schema<?> property) {
        if (property.get$ref() != null || property.getEnum() != null) {
            List<Schema> either = List.of(property, nullSchema());
            return new Schema<>().anyOf(either);
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        types.add("null");
        property.setTypes(types);
        return property;
    }
}
