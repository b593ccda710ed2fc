package org.gridlink.enterprise.appeals;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The green channel's settings (table {@code enterprise_green_channel}, one row; the center changes them) and the
 * standard limits of the other appeals ({@code gridlink.enterprise.appeals.standard.*}, default respond within 24
 * hours, plan within 3 days, close within 15 days). The supervisor is the configured account, else
 * {@code gridlink.enterprise.appeals.supervisor} (default {@code leader}).
 */
@Component
public class GreenChannel {

	/** The longest limit a step may have (90 days). */
	static final int MAX_MINUTES = 90 * 24 * 60;

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final AuditTrail audit;
	private final Clock clock;
	private final AppealClock.Limits standard;
	private final String defaultSupervisor;

	GreenChannel(JdbcClient jdbc, Accounts accounts, AuditTrail audit, Clock clock,
			@Value("${gridlink.enterprise.appeals.standard.respond:PT24H}") Duration respond,
			@Value("${gridlink.enterprise.appeals.standard.plan:P3D}") Duration plan,
			@Value("${gridlink.enterprise.appeals.standard.close:P15D}") Duration close,
			@Value("${gridlink.enterprise.appeals.supervisor:leader}") String defaultSupervisor) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		this.standard = new AppealClock.Limits((int) respond.toMinutes(), (int) plan.toMinutes(),
				(int) close.toMinutes());
		this.defaultSupervisor = defaultSupervisor;
	}

	public GreenChannelSettings settings() {
		return jdbc.sql("SELECT respond_minutes, plan_minutes, close_minutes, categories, supervisor_username FROM"
				+ " enterprise_green_channel WHERE id = 1")
				.query((rs, i) -> new GreenChannelSettings(rs.getInt(1), rs.getInt(2), rs.getInt(3),
						codes(rs.getString(4)), rs.getString(5)))
				.single();
	}

	/** The limits of appeals outside the green channel. */
	public AppealClock.Limits standardLimits() {
		return standard;
	}

	/** The supervisor's account: the configured one, else the default; empty when neither exists. */
	public Optional<AccountView> supervisor() {
		String name = settings().supervisorUsername();
		Optional<AccountView> named = name == null || name.isBlank() ? Optional.empty() : accounts.find(name);
		return named.or(() -> accounts.find(defaultSupervisor)).filter(AccountView::enabled);
	}

	/** Whether the user may change the settings: the command center. */
	public static boolean mayChange(CurrentUser user) {
		return user.has(org.gridlink.platform.Role.CENTER);
	}

	@Transactional
	public GreenChannelSettings change(CurrentUser user, int respondMinutes, int planMinutes, int closeMinutes,
			Set<String> categories, @Nullable String supervisorUsername) {
		if (!mayChange(user)) {
			throw new AccessDeniedException("only the center changes the green channel");
		}
		if (respondMinutes < 1 || respondMinutes > MAX_MINUTES) {
			throw new InvalidInputException("enterprise.appeals.limit.invalid", "respondMinutes");
		}
		if (planMinutes < respondMinutes || planMinutes > MAX_MINUTES) {
			throw new InvalidInputException("enterprise.appeals.limit.invalid", "planMinutes");
		}
		if (closeMinutes < planMinutes || closeMinutes > MAX_MINUTES) {
			throw new InvalidInputException("enterprise.appeals.limit.invalid", "closeMinutes");
		}
		for (String code : categories) {
			if (!AppealCategories.isAppealCategory(code)) {
				throw new InvalidInputException("enterprise.appeals.category.invalid", code);
			}
		}
		String supervisor = supervisorUsername == null || supervisorUsername.isBlank() ? null
				: supervisorUsername.strip();
		if (supervisor != null && accounts.find(supervisor).filter(AccountView::enabled).isEmpty()) {
			throw new InvalidInputException("enterprise.appeals.supervisor.invalid", supervisor);
		}
		String text = AppealCategories.CODES.stream().filter(categories::contains).collect(Collectors.joining(","));
		jdbc.sql("UPDATE enterprise_green_channel SET respond_minutes = ?, plan_minutes = ?, close_minutes = ?,"
				+ " categories = ?, supervisor_username = ?, updated_at = ?, updated_by = ? WHERE id = 1")
				.params(respondMinutes, planMinutes, closeMinutes, text, supervisor, OffsetDateTime.now(clock),
						user.username())
				.update();
		audit.record("ENTERPRISE_GREEN_CHANNEL_CHANGE", "green-channel", "1", AuditTrail.SUCCESS,
				respondMinutes + "/" + planMinutes + "/" + closeMinutes + " " + text + " " + supervisor);
		return settings();
	}

	static Set<String> codes(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
				.collect(Collectors.toCollection(LinkedHashSet::new));
	}
}
