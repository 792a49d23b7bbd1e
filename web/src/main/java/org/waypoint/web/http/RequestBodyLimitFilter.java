package org.waypoint.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.waypoint.api.problem.Problem;
import org.waypoint.api.problem.ProblemType;

/**
 * Refuses API request bodies over {@code waypoint.api.max-body-bytes} (64 KiB unless configured)
 * with 413, before anything parses them: Payara itself accepts megabytes. A declared
 * Content-Length is checked without reading; a chunked body is read up to one byte past the
 * limit and, if it fits, handed on from memory.
 */
public class RequestBodyLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final String IMPORT = "/api/v1/directory/imports";

    private transient BodyLimit limit;

    @Override
    public void init() {
        limit = new BodyLimit(ConfigProvider.getConfig().getOptionalValue(BodyLimit.KEY, Long.class).orElse(BodyLimit.DEFAULT));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getRequestURI().equals(request.getContextPath() + IMPORT)) {
            // A directory import streams its source and stops at its own, larger limit (waypoint.import.max-bytes).
            chain.doFilter(request, response);
            return;
        }
        if (limit.refusesDeclared(request.getContentLengthLong())) {
            refuse(request, response);
            return;
        }
        if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
            Optional<byte[]> body = limit.readWithin(request.getInputStream());
            if (body.isEmpty()) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new BufferedBody(request, body.get()), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The rest of the body is never read: the connection cannot carry another request.
        response.setHeader("Connection", "close");
        ServletProblems.write(response, Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                        "The body may be at most " + limit.maxBytes() + " bytes.")
                .withInstance(request.getRequestURI()));
    }

    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
