package org.gridlink.notices;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.gridlink.platform.AccountEmails;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.NewAccount;
import org.gridlink.platform.Role;
import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages around notices: an account's e-mail address on the user admin page (set, wrong, removed; shown masked),
 * the work-chat groups page (list, add with validation messages, scope, remove), and the menus leading each role to
 * its inbox, notices, answer desk and daily digest without opening "more".
 */
@WebTest
class NoticeAdminPagesTest {

	/** The allowed prefix (the WeCom address in production; the tests' local one here) and a robot path after it. */
	@Value("${gridlink.notices.group.allowed-url-prefix}")
	String prefix;

	String webhook() {
		return prefix.endsWith("key=") ? prefix : prefix + "9/cgi-bin/webhook/send?key=";
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountEmails emails;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminSetsAndRemovesAnAccountsEmailAddressOnTheUserPage() throws Exception {
		String username = "mail" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
		long id = accounts.create(new NewAccount(username, "邮件测试员", "Mail#Test2026", Set.of(Role.DEPT),
				Set.of(Demo.DISTRICT), null)).id();
		String page = "/admin/users/" + id;
		mvc.perform(get(page).with(as("admin")).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"email-form\"")))
				.andExpect(content().string(not(containsString("id=\"remove-email\""))));

		mvc.perform(post(page + "/email").with(as("admin")).with(csrf()).param("email", "not an address")
				.param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Enter an e-mail address such as name@example.gov.cn")))
				.andExpect(content().string(containsString("value=\"not an address\"")));
		assertThat(emails.has(id)).isFalse();

		mvc.perform(post(page + "/email").with(as("admin")).with(csrf()).param("email", " Wang.Wei@Example.gov.cn "))
				.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page));
		assertThat(emails.of(id)).contains("wang.wei@example.gov.cn");
		mvc.perform(get(page).with(as("admin")).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("w*******@example.gov.cn")))
				.andExpect(content().string(not(containsString("wang.wei@"))))
				.andExpect(content().string(containsString("id=\"remove-email\"")));

		// another role may not
		mvc.perform(post(page + "/email").with(as("center")).with(csrf()).param("email", "x@example.gov.cn"))
				.andExpect(status().isForbidden());

		mvc.perform(post(page + "/email").with(as("admin")).with(csrf()).param("remove", "true"))
				.andExpect(status().is3xxRedirection());
		assertThat(emails.has(id)).isFalse();
	}

	@Test
	void aNoticeWriterKeepsTheWorkChatGroupsOfTheirPlaces() throws Exception {
		String name = "测试楼栋群" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(get("/notices").with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("href=\"/notices/groups\"")));
		mvc.perform(get("/notices/groups").with(as("community1")).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"group-form\"")));

		// each mistake is named beside its field
		mvc.perform(post("/notices/groups").with(as("community1")).with(csrf()).param("jurisdictionCode", "999")
				.param("name", name).param("webhookUrl", webhook() + "abcd1234").param("lang", "en"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("There is no place 999.")));
		mvc.perform(post("/notices/groups").with(as("community1")).with(csrf()).param("jurisdictionCode", Demo.COMMUNITY1)
				.param("name", name).param("webhookUrl", "https://example.com/hook?key=abcd").param("lang", "en"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("The webhook address must start with")))
				.andExpect(content().string(not(containsString("example.com/hook"))));
		mvc.perform(post("/notices/groups").with(as("community1")).with(csrf()).param("jurisdictionCode", Demo.COMMUNITY1)
				.param("name", " ").param("webhookUrl", webhook() + "abcd1234").param("lang", "en"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("Give the group a name")));
		// another community: outside community1's area
		mvc.perform(post("/notices/groups").with(as("community1")).with(csrf()).param("jurisdictionCode", "320819002001")
				.param("name", name).param("webhookUrl", webhook() + "abcd1234").param("lang", "en"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("The place 320819002001 is outside your area.")));

		String key = UUID.randomUUID().toString().replace("-", "");
		mvc.perform(post("/notices/groups").with(as("community1")).with(csrf()).param("jurisdictionCode", Demo.COMMUNITY1)
				.param("name", name).param("webhookUrl", webhook() + key)).andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/notices/groups"));
		long id = jdbc.sql("SELECT id FROM notice_group_webhook WHERE name = ?").param(name).query(Long.class).single();
		mvc.perform(get("/notices/groups").with(as("community1")).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString(name)))
				.andExpect(content().string(containsString("key=****" + key.substring(key.length() - 4))))
				.andExpect(content().string(not(containsString(key))));
		// the same name twice in one place
		mvc.perform(post("/notices/groups").with(as("community1")).with(csrf()).param("jurisdictionCode", Demo.COMMUNITY1)
				.param("name", name).param("webhookUrl", webhook() + key).param("lang", "en"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("already has a group named")));
		// not a writer: no page
		mvc.perform(get("/notices/groups").with(as("grid1"))).andExpect(status().isForbidden());

		mvc.perform(post("/notices/groups/" + id + "/remove").with(as("community1")).with(csrf()))
				.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_group_webhook WHERE id = ?").param(id).query(Long.class)
				.single()).isZero();
	}

	@Test
	void eachRoleFindsItsInboxNoticesAnswerDeskAndDigestInItsDailyMenu() throws Exception {
		assertThat(dailyMenu("center")).contains("href=\"/inbox\"", "href=\"/notices\"", "href=\"/answer-desk\"",
				"href=\"/digest\"");
		assertThat(dailyMenu("leader")).contains("href=\"/inbox\"", "href=\"/notices\"", "href=\"/digest\"")
				.doesNotContain("href=\"/answer-desk\"");
		assertThat(dailyMenu("community1")).contains("href=\"/inbox\"", "href=\"/notices\"")
				.doesNotContain("href=\"/digest\"");
		assertThat(dailyMenu("street1")).contains("href=\"/inbox\"", "href=\"/notices\"");
		assertThat(dailyMenu("grid1")).contains("href=\"/inbox\"").doesNotContain("href=\"/notices\"");
		assertThat(dailyMenu("dept1")).contains("href=\"/inbox\"");
	}

	/** The part of the menu shown without opening "more". */
	String dailyMenu(String user) throws Exception {
		String html = mvc.perform(get("/").with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		int start = html.indexOf("id=\"gl-menu\"");
		int more = html.indexOf("id=\"gl-more-toggle\"", start);
		int end = more > 0 ? more : html.indexOf("</nav>", start);
		return html.substring(start, end);
	}
}
