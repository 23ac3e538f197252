package com.pilimarket.shared.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint (or every endpoint of a controller) that answers 401 without a signed-in caller,
 * because it calls {@link Callers#requireUserId()}. The OpenAPI document lists its security and its
 * 401 from this; {@code @PreAuthorize} endpoints count as signed in without it. A test calls every
 * operation anonymously and fails when this mark and the behaviour disagree.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SignedIn {}
