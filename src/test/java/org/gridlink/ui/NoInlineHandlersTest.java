package org.gridlink.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Content Security Policy allows scripts from our own files only ({@code script-src 'self'}): an inline event
 * handler ({@code onclick="…"}) or {@code javascript:} link in a template would be blocked in the browser. Every
 * template is read, so a page no browser test visits is checked too.
 */
class NoInlineHandlersTest {

	private static final Pattern INLINE = Pattern.compile("\\s(on[a-z]+)\\s*=\\s*[\"']|href\\s*=\\s*[\"']javascript:",
			Pattern.CASE_INSENSITIVE);

	@Test
	void noTemplateHasAnInlineHandler() throws IOException {
		Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
		assertThat(templates).as("the templates are found").hasSizeGreaterThan(50);
		List<String> found = new ArrayList<>();
		for (Resource template : templates) {
			String html = template.getContentAsString(StandardCharsets.UTF_8);
			Matcher m = INLINE.matcher(html);
			while (m.find()) {
				found.add(template.getFilename() + ": " + m.group().strip());
			}
		}
		assertThat(found).isEmpty();
	}
}
