package org.gridlink.platform.web;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;

import org.apache.catalina.core.ApplicationPart;
import org.apache.tomcat.util.http.fileupload.FileItem;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.UploadContext;
import org.apache.tomcat.util.http.fileupload.disk.DiskFileItemFactory;

/**
 * A request whose body (sent without a Content-Length, i.e. chunked) {@link UploadLimitFilter} has already read
 * within the limit: the body, its parameters and its multipart parts come from those bytes, since the container
 * cannot read the consumed stream again.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

	private static final File TMP = new File(System.getProperty("java.io.tmpdir"));

	private final byte[] body;
	private Map<String, String[]> parameters;
	private List<Part> parts;

	BufferedBodyRequest(HttpServletRequest request, byte[] body) {
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
				throw new UnsupportedOperationException();
			}
		};
	}

	@Override
	public Collection<Part> getParts() throws IOException, ServletException {
		parse();
		return parts;
	}

	@Override
	public Part getPart(String name) throws IOException, ServletException {
		parse();
		return parts.stream().filter(p -> p.getName().equals(name)).findFirst().orElse(null);
	}

	@Override
	public String getParameter(String name) {
		String[] values = getParameterMap().get(name);
		return values == null ? null : values[0];
	}

	@Override
	public String[] getParameterValues(String name) {
		return getParameterMap().get(name);
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.enumeration(getParameterMap().keySet());
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		try {
			parse();
		}
		catch (IOException | ServletException ex) {
			throw new IllegalStateException("Unreadable request body", ex);
		}
		return parameters;
	}

	private Charset charset() {
		return getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
	}

	private synchronized void parse() throws IOException, ServletException {
		if (parameters != null) {
			return;
		}
		Map<String, List<String>> values = new LinkedHashMap<>();
		// the query string only: the container would try to read the consumed body for the rest
		decode(getQueryString() == null ? "" : getQueryString(), values);
		List<Part> found = new ArrayList<>();
		String type = getContentType() == null ? "" : getContentType().toLowerCase();
		if (type.startsWith("multipart/form-data")) {
			try {
				FileUpload upload = new FileUpload();
				upload.setFileItemFactory(new DiskFileItemFactory(64 * 1024, TMP));
				for (FileItem item : upload.parseRequest(context())) {
					found.add(new ApplicationPart(item, TMP));
					if (item.isFormField()) {
						values.computeIfAbsent(item.getFieldName(), x -> new ArrayList<>()).add(item.getString(charset().name()));
					}
				}
			}
			catch (FileUploadException ex) {
				throw new ServletException("Unreadable multipart body", ex);
			}
		}
		else if (type.startsWith("application/x-www-form-urlencoded")) {
			decode(new String(body, StandardCharsets.ISO_8859_1), values);
		}
		Map<String, String[]> all = new LinkedHashMap<>();
		values.forEach((k, v) -> all.put(k, v.toArray(String[]::new)));
		this.parts = found;
		this.parameters = all;
	}

	private void decode(String form, Map<String, List<String>> values) {
		for (String pair : form.split("&")) {
			if (!pair.isEmpty()) {
				int eq = pair.indexOf('=');
				String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset());
				String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset());
				values.computeIfAbsent(key, x -> new ArrayList<>()).add(value);
			}
		}
	}

	private UploadContext context() {
		return new UploadContext() {
			@Override
			public long contentLength() {
				return body.length;
			}

			@Override
			public String getCharacterEncoding() {
				return BufferedBodyRequest.this.getCharacterEncoding();
			}

			@Override
			public String getContentType() {
				return BufferedBodyRequest.this.getContentType();
			}

			@Override
			public InputStream getInputStream() {
				return new ByteArrayInputStream(body);
			}
		};
	}
}
