package org.gridlink.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.SessionRepository;

/** The application's session store is the JDBC one behind {@link SessionTouches}, for the filter and for Accounts. */
@WebTest
class SessionTouchesWiringTest {

	@Autowired
	SessionRepository<?> sessions;

	@Autowired
	FindByIndexNameSessionRepository<?> byPrincipal;

	@Test
	void theSessionStoreIsWrapped() {
		assertThat(sessions).isInstanceOf(SessionTouches.class);
		assertThat(byPrincipal).isSameAs(sessions);
	}
}
