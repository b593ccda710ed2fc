package org.gridlink.residents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridlink.platform.Scope;
import org.gridlink.shared.IdNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The row rules without Spring: normalisation and every kind of problem, each reported by column. */
class ImportRulesTest {

	static final String GRID1 = "320819001001001";
	static final String GRID_OTHER_COMMUNITY = "320819002001001";
	final ImportRules rules = new ImportRules(Set.of(GRID1, GRID_OTHER_COMMUNITY), Scope.of(Set.of("320819001001")),
			Map.of("ELDERLY_ALONE", "ELDERLY_ALONE", "独居老人", "ELDERLY_ALONE", "LOW_INCOME", "LOW_INCOME", "低保",
					"LOW_INCOME"),
			null);
	final ImportColumns columns = ImportColumns.of(List.of("\uFEFF身份证号", "姓名", "手机号", "网格编码", "小区", "楼栋", "单元",
			"房号", "标签", "地址"));

	@Test
	void normalisesFullWidthDigitsSpacesAndLowerCaseX() {
		String id = "11010519491231002X";
		String fullWidth = " １１０１０５ １９４９１２３１ ００２ｘ ";
		List<RowProblem> problems = new ArrayList<>();
		ImportRow row = rules.check(2, List.of(fullWidth, " 张三 ", "１３８ １２３４ ５６７８", GRID1, "翠苑", "3号楼", "1单元",
				"301", "独居老人；low_income", ""), columns, problems);
		assertThat(problems).isEmpty();
		assertThat(row).isNotNull();
		assertThat(row.idNumber()).isEqualTo(new IdNumber(id));
		assertThat(row.phone()).isEqualTo("13812345678");
		assertThat(row.name()).isEqualTo("张三");
		assertThat(row.tags()).containsExactlyInAnyOrder("ELDERLY_ALONE", "LOW_INCOME");
	}

	@Test
	void reportsEveryProblemOfARowAtOnceWithMaskedValues() {
		List<RowProblem> problems = new ArrayList<>();
		ImportRow row = rules.check(7, List.of("110105194912310021", "", "12345678901234", GRID_OTHER_COMMUNITY, "", "",
				"", "", "FOO", ""), columns, problems);
		assertThat(row).isNull();
		assertThat(problems).extracting(RowProblem::column).containsExactlyInAnyOrder("id_number", "name", "phone",
				"grid_code", "compound", "tags");
		assertThat(problems).extracting(RowProblem::messageKey).contains("imports.idNumber.CHECK_DIGIT",
				"imports.name.missing", "imports.phone.invalid", "imports.grid.outOfScope", "imports.address.missing",
				"imports.tag.unknown");
		assertThat(problems).filteredOn(p -> p.column().equals("id_number")).extracting(RowProblem::value)
				.containsExactly("110105********0021");
		assertThat(problems).filteredOn(p -> p.column().equals("phone")).extracting(RowProblem::value)
				.containsExactly("123*******1234");
		assertThat(ImportRules.maskPhone("1391234")).isEqualTo("13***34");
		assertThat(ImportRules.maskId("1234567890")).isEqualTo("12******90");
	}

	@Test
	void missingColumnsUnlessADefaultGridIsGiven() {
		ImportColumns english = ImportColumns.of(List.of("ID_Number", "Name", "address"));
		assertThat(rules.missingColumns(english)).containsExactly("grid_code");
		assertThat(new ImportRules(Set.of(GRID1), Scope.of(Set.of(GRID1)), Map.of(), GRID1).missingColumns(english))
				.isEmpty();
		assertThat(rules.missingColumns(ImportColumns.of(List.of("a", "b")))).containsExactly("id_number", "name",
				"grid_code");
	}
}
