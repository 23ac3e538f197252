package com.pilimarket.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An error answer particular to one endpoint (a 409 conflict, a 422 business rule, …), for the
 * OpenAPI document: {@code @ErrorAnswer(status = 409, value = "EMAIL_TAKEN")}. The answers every
 * endpoint of its kind gives (400, 401, 403, 404, 429) are listed without it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ErrorAnswer.List.class)
public @interface ErrorAnswer {

    int status();

    /** The error codes and when they happen, as the document shows them. */
    String value();

    /** The container of repeated {@link ErrorAnswer}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ErrorAnswer[] value();
    }
}
