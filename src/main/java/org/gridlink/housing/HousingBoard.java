package org.gridlink.housing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * A project's public board (no login): the project's name, township, budget and hand-over date, then every
 * {@link HousingBoardSection} of every part in {@link HousingBoardSection#order()}. Nothing personal beyond masked
 * names.
 */
@Service
public class HousingBoard {

	private final HousingDirectory directory;
	private final Jurisdictions jurisdictions;
	private final List<HousingBoardSection> sections;

	HousingBoard(HousingDirectory directory, Jurisdictions jurisdictions, List<HousingBoardSection> sections) {
		this.directory = directory;
		this.jurisdictions = jurisdictions;
		this.sections = sections.stream().sorted(Comparator.comparingInt(HousingBoardSection::order)
				.thenComparing(HousingBoardSection::key)).toList();
	}

	/** One section on the board: its key, fragment and data. */
	public record Part(String key, String fragment, Map<String, Object> data) {
	}

	/** The board: the project's public figures and its sections in order. */
	public record Board(long projectId, String name, String townshipName, long budgetFen, java.time.LocalDate handOverOn,
			List<Part> sections) {

		/** The JSON: the project and each section's data under its key. */
		public Map<String, Object> json() {
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("projectId", projectId);
			out.put("name", name);
			out.put("township", townshipName);
			out.put("budgetFen", budgetFen);
			out.put("handOverOn", handOverOn.toString());
			Map<String, Object> parts = new LinkedHashMap<>();
			sections.forEach(p -> parts.put(p.key(), p.data()));
			out.put("sections", parts);
			return out;
		}
	}

	public Board board(long projectId) {
		HousingProjectRef p = directory.find(projectId)
				.orElseThrow(() -> new NotFoundException("housing.project.not.found", String.valueOf(projectId)));
		List<Part> parts = new ArrayList<>();
		for (HousingBoardSection s : sections) {
			parts.add(new Part(s.key(), s.fragment(), s.publicData(projectId)));
		}
		String township = jurisdictions.names(List.of(p.townshipCode())).getOrDefault(p.townshipCode(), "");
		return new Board(p.id(), p.name(), township, p.budgetFen(), p.handOverOn(), parts);
	}
}
