package com.pilimarket.shared.web;

import com.pilimarket.shared.ErrorCodes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies under {@code /api/} (default 64 KiB, {@code pilimarket.web.max-body-size})
 * and {@code /webhooks/} (default 256 KiB, {@code pilimarket.web.max-webhook-body-size}): a larger
 * declared {@code Content-Length} is refused at once with 413 {@code PAYLOAD_TOO_LARGE}, and a body
 * streamed without a length (chunked) fails as soon as it passes the cap, which
 * {@link ApiExceptionHandler} turns into the same 413. No API request or provider event needs more;
 * the limit keeps a hostile client from making the server buffer, parse or HMAC megabytes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** Request attribute set when a streamed body went over the cap. */
    static final String EXCEEDED = RequestSizeLimitFilter.class.getName() + ".exceeded";

    private final long maxApiBytes;
    private final long maxWebhookBytes;
    private final ErrorResponses errors;

    public RequestSizeLimitFilter(
            @Value("${pilimarket.web.max-body-size:64KB}") DataSize maxBodySize,
            @Value("${pilimarket.web.max-webhook-body-size:256KB}") DataSize maxWebhookBodySize,
            ErrorResponses errors) {
        this.maxApiBytes = maxBodySize.toBytes();
        this.maxWebhookBytes = maxWebhookBodySize.toBytes();
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") && !path.startsWith("/webhooks/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = request.getRequestURI().startsWith("/webhooks/") ? maxWebhookBytes : maxApiBytes;
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            errors.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    ErrorCodes.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + maxBytes + " bytes");
            return;
        }
        if (declared >= 0) {
            // The container reads no more than a declared length (a chunked body has none: -1), so a
            // body within the cap needs no counting, and later filters no extra wrapper to call through.
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new Capped(request, maxBytes), response);
    }

    /** Thrown while reading a streamed body that passes the cap. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long maxBytes) {
            super("request body exceeds " + maxBytes + " bytes");
        }
    }

    private static final class Capped extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), maxBytes, (HttpServletRequest) getRequest());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private final HttpServletRequest request;
        private long read;

        CappedStream(ServletInputStream delegate, long maxBytes, HttpServletRequest request) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                request.setAttribute(EXCEEDED, Boolean.TRUE);
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
