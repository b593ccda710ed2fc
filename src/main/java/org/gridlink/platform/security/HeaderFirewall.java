package org.gridlink.platform.security;

import java.util.function.Predicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's own firewall with its default rules, except that the header checks are loops over the code points
 * instead of the default regular expressions: every {@code getHeader} through the firewall checks the value again
 * (the {@code Authorization} header of a token request is read three times), and the regular expressions were the
 * top frame of a token request's profile (issue 11). Same rules: a header name is made of assigned, non-control code
 * points ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}); a header value may also hold tabs
 * ({@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}). {@code HeaderFirewallTest} compares them with the expressions.
 */
@Configuration(proxyBeanMethods = false)
class HeaderFirewall {

	/** Assigned and not a control character: what Spring's header-name expression allows. */
	static final Predicate<String> NAME = value -> allowed(value, false);

	/** Assigned and not a control character, or a tab: what Spring's header-value expression allows. */
	static final Predicate<String> VALUE = value -> allowed(value, true);

	@Bean
	HttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(NAME);
		firewall.setAllowedHeaderValues(VALUE);
		return firewall;
	}

	private static boolean allowed(String value, boolean tab) {
		for (int i = 0; i < value.length();) {
			int c = value.codePointAt(i);
			if (c >= 0x20 && c < 0x7f) { // printable ASCII: assigned, not a control
				i++;
				continue;
			}
			int type = Character.getType(c);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && c == '\t'))) {
				return false;
			}
			i += Character.charCount(c);
		}
		return true;
	}
}
