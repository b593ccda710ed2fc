package org.gridlink.passes;

import java.time.Instant;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.SigningKeyCipher;
import org.gridlink.platform.UnknownKeyException;
import org.gridlink.platform.security.AccountPrincipal;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridlink.support.Demo.GRID1;

/**
 * The private signing keys are sealed with the pass key ring, not the personal-data key: the data cipher cannot open
 * them. Keys sealed with the data key before the pass keys existed still load and sign.
 */
@WebTest
class PassKeySealingTest {

	@Autowired
	KeyRing ring;

	@Autowired
	Passes passes;

	@Autowired
	PersonalDataCipher data;

	@Autowired
	SigningKeyCipher signing;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void privateSigningKeysAreSealedWithThePassKeyNotTheDataKey() {
		List<String> sealed = jdbc.sql("SELECT private_key FROM pass_signing_key").query(String.class).list();
		assertThat(sealed).isNotEmpty().allMatch(k -> k.startsWith("k:" + signing.currentKeyId() + ":"));
		assertThat(signing.currentKeyId()).isNotIn(data.keyIds());
		for (String key : sealed) {
			assertThat(signing.decrypt(key)).isNotBlank();
			assertThatThrownBy(() -> data.decrypt(key)).isInstanceOf(UnknownKeyException.class)
					.hasMessageContaining("'p1'");
		}
	}

	@Test
	void signingKeysSealedWithTheDataKeyBeforeStillLoadAndSign() {
		List<String[]> rows = jdbc.sql("SELECT kid, private_key FROM pass_signing_key")
				.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).list();
		try {
			for (String[] row : rows) {
				jdbc.sql("UPDATE pass_signing_key SET private_key = ? WHERE kid = ?")
						.params(data.encrypt(signing.decrypt(row[1])), row[0]).update();
			}
			ring.reload();
			CurrentUser community = ((AccountPrincipal) users.loadUserByUsername("community1")).toCurrentUser();
			IssuedPass pass = passes.issue(community, PassesTest.person(GRID1));
			assertThat(passes.verify(pass.code(), Instant.now()).valid()).isTrue();
		}
		finally {
			for (String[] row : rows) {
				jdbc.sql("UPDATE pass_signing_key SET private_key = ? WHERE kid = ?").params(row[1], row[0]).update();
			}
			ring.reload();
		}
	}
}
