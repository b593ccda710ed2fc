package org.gridlink.platform.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: Chinese (zh-CN) by default; {@code ?lang=en} or {@code ?lang=zh-CN} switches and remembers it in a
 * cookie. API and Open311 clients without the cookie get the language of their {@code Accept-Language} header.
 */
@Configuration
class I18nConfig implements WebMvcConfigurer {

	static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("GRIDLINK_LANG");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(request -> {
			String path = request.getRequestURI();
			if ((path.startsWith("/api/") || path.startsWith("/open311/"))
					&& request.getHeader("Accept-Language") != null) {
				return request.getLocale().getLanguage().equals("en") ? Locale.ENGLISH : DEFAULT;
			}
			return DEFAULT;
		});
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}
}
