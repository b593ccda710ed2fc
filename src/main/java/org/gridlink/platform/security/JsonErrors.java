package org.gridlink.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/** Writes the API's error body {@code {"code":..., "message":...}} in the request's language, outside MVC. */
@Component
public class JsonErrors {

	private final MessageSource messages;
	private final LocaleResolver locales;
	private final JsonMapper json;

	JsonErrors(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
			String messageKey) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("message", messages.getMessage(messageKey, null, messageKey, locales.resolveLocale(request)));
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(json.writeValueAsString(body));
	}
}
