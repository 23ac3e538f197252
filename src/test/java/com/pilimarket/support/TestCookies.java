package com.pilimarket.support;

import com.pilimarket.support.TestHttp.Result;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads {@code Set-Cookie} headers of a test response and builds {@code Cookie} request headers. */
public final class TestCookies {

    private TestCookies() {}

    /** Every Set-Cookie header of the response, by cookie name (the full header line as the value). */
    public static Map<String, String> setCookies(Result result) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String line : result.raw().headers().allValues("Set-Cookie")) {
            cookies.put(line.substring(0, line.indexOf('=')), line);
        }
        return cookies;
    }

    /** The value a Set-Cookie header sets for one cookie, or null. */
    public static String value(Result result, String name) {
        String line = setCookies(result).get(name);
        if (line == null) {
            return null;
        }
        String pair = line.split(";", 2)[0];
        return pair.substring(pair.indexOf('=') + 1);
    }

    /** {@code Cookie: a=1; b=2}. */
    public static String header(Map<String, String> cookies) {
        return cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    public static boolean hasAttribute(Result result, String name, String attribute) {
        String line = setCookies(result).get(name);
        return line != null
                && List.of(line.split(";")).stream()
                        .map(String::strip)
                        .anyMatch(part -> part.equalsIgnoreCase(attribute)
                                || part.toLowerCase().startsWith(attribute.toLowerCase() + "="));
    }

    public static String attribute(Result result, String name, String attribute) {
        String line = setCookies(result).get(name);
        if (line == null) {
            return null;
        }
        for (String part : line.split(";")) {
            String p = part.strip();
            if (p.toLowerCase().startsWith(attribute.toLowerCase() + "=")) {
                return p.substring(attribute.length() + 1);
            }
        }
        return null;
    }
}
