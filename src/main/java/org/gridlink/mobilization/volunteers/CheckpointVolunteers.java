package org.gridlink.mobilization.volunteers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gridlink.passes.VolunteerDirectory;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Like;
import org.gridlink.shared.Masked;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The passes module's {@link VolunteerDirectory}: approved volunteers, masked, for checkpoint shifts. */
@Component
class CheckpointVolunteers implements VolunteerDirectory {

	private final JdbcClient jdbc;

	CheckpointVolunteers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<ListedVolunteer> find(long volunteerId) {
		return jdbc.sql("SELECT id, name, phone_masked, community_code FROM volunteer WHERE id = ? AND status = 'APPROVED'")
				.param(volunteerId).query(CheckpointVolunteers::row).optional();
	}

	@Override
	public List<ListedVolunteer> search(CurrentUser user, String jurisdictionCode, @Nullable String q, int limit) {
		if (!jurisdictionCode.matches("\\d{12,15}") || !user.scope().covers(jurisdictionCode)) {
			return List.of();
		}
		// the checkpoint's community (from a grid's code) or the communities of a street
		String community = jurisdictionCode.length() > 12 ? jurisdictionCode.substring(0, 12) : jurisdictionCode;
		String prefix = community.endsWith("000") ? community.substring(0, 9) : community;
		List<Object> params = new ArrayList<>();
		params.add(prefix + "%");
		String where = "status = 'APPROVED' AND community_code LIKE ?";
		if (q != null && !q.isBlank()) {
			where += " AND name LIKE ?" + Like.ESCAPE;
			params.add(Like.contains(q));
		}
		params.add(Math.max(1, Math.min(limit, 500)));
		return jdbc.sql("SELECT id, name, phone_masked, community_code FROM volunteer WHERE " + where
				+ " ORDER BY name, id LIMIT ?").params(params).query(CheckpointVolunteers::row).list();
	}

	private static ListedVolunteer row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new ListedVolunteer(rs.getLong("id"), Masked.name(rs.getString("name")), rs.getString("phone_masked"),
				rs.getString("community_code"));
	}
}
