package com.pilimarket.shared.web;

import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the single-page app from {@code classpath:/static}. Deep links such as
 * {@code /markets/some-slug} fall back to {@code index.html}; API and operations paths never do, so
 * an unknown {@code /api/**} route is a JSON 404. Hashed assets are sent Brotli-compressed to
 * browsers that accept it, from the {@code .br} files the frontend build writes next to them
 * (gzip stays on the fly, {@code server.compression}).
 */
@Configuration
public class SpaConfiguration implements WebMvcConfigurer {

    private static final String[] NEVER_SPA = {"api/", "actuator", "v3/", "docs", "swagger-ui", "sandbox/", "webhooks/"
    };

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365))
                        .cachePublic()
                        .immutable())
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver());
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new SpaFallbackResolver());
    }

    static final class SpaFallbackResolver extends PathResourceResolver {

        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            Resource requested = location.createRelative(resourcePath);
            if (requested.exists() && requested.isReadable()) {
                return requested;
            }
            for (String prefix : NEVER_SPA) {
                if (resourcePath.startsWith(prefix)) {
                    return null;
                }
            }
            // A path with a file extension is a missing asset, not a page.
            String last = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
            if (last.contains(".")) {
                return null;
            }
            Resource index = new ClassPathResource("/static/index.html");
            return index.exists() ? index : null;
        }
    }
}
