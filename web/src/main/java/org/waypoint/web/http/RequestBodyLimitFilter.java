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
 * Refuses request bodies over a limit with 413, before anything parses them: Payara itself accepts
 * megabytes, and the Faces servlet takes the import page's 256 MiB upload on every page. A declared
 * Content-Length is checked without reading; a chunked body is read up to one byte past the limit
 * and, if it fits, handed on from memory. One request path, the directory import that streams its
 * source against its own larger limit ({@code waypoint.import.max-bytes}), is let through.
 * <p>
 * Mapped twice in web.xml, by its init parameters: the API ({@code /api/*}, the setting
 * {@code waypoint.api.max-body-bytes}, 64 KiB unless configured; refused as problem+json) and the
 * pages (a fixed 1 MiB, far above any form; refused through the error page).
 */
public class RequestBodyLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private transient BodyLimit limit;
    private String exempt;

    @Override
    public void init() {
        String setting = getInitParameter("limit-setting");
        long bytes = Long.parseLong(getInitParameter("limit-bytes"));
        if (setting != null) {
            bytes = ConfigProvider.getConfig().getOptionalValue(setting, Long.class).orElse(bytes);
        }
        limit = new BodyLimit(bytes, setting == null ? getFilterName() : setting);
        exempt = getInitParameter("exempt");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getRequestURI().equals(request.getContextPath() + exempt)) {
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
        if (ServletProblems.isApi(request, request.getRequestURI())) {
            ServletProblems.write(response, Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                            "The body may be at most " + limit.maxBytes() + " bytes.")
                    .withInstance(request.getRequestURI()));
        } else {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        }
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
