package org.gridlink.residents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.support.Demo;
import org.gridlink.support.JobHooks;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bulk import through the facade, run synchronously: every kind of bad row, encodings, Excel, files that are not
 * tables, idempotent re-import, an interrupted and resumed import, scope.
 */
@WebTest
class ResidentImportTest {

	static final CurrentUser COMMUNITY1 = new CurrentUser(-1, "community1", "周芳", Set.of(Role.COMMUNITY),
			Scope.of(Set.of(Demo.COMMUNITY1)), null);
	static final CurrentUser GRID1 = new CurrentUser(-2, "grid1", "grid1", Set.of(Role.GRID_WORKER),
			Scope.of(Set.of(Demo.GRID1)), null);
	static final String HEADER = "身份证号,姓名,手机号,网格编码,小区,楼栋,单元,房号,标签\n";

	@Autowired
	ResidentImports imports;

	@Autowired
	ImportRunner runner;

	@Autowired
	JobHooks hooks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@AfterEach
	void resetHooks() {
		hooks.reset();
		runner.batchSize = 5000;
	}

	long importNow(CurrentUser user, String filename, byte[] content) {
		long id = imports.create(user, filename, content, null);
		runner.run(id);
		return id;
	}

	ImportJob job(long id) {
		return imports.get(COMMUNITY1, id);
	}

	long residents(String id) {
		return jdbc.sql("SELECT COUNT(*) FROM resident WHERE id_number_hash = ?").param(cipher.lookupHash(id))
				.query(Long.class).single();
	}

	String column(String id, String column) {
		return jdbc.sql("SELECT " + column + " FROM resident WHERE id_number_hash = ?").param(cipher.lookupHash(id))
				.query(String.class).single();
	}

	@Test
	void goodRowsAreImportedAndEveryKindOfBadRowIsReportedByRowAndColumn() {
		String good = TestIds.next();
		String fullWidth = TestIds.next();
		String first17 = "5" + good.substring(1, 6) + "19901332" + "123";
		String badDate = first17 + org.gridlink.shared.IdNumber.checkCharacter(first17);
		String csv = HEADER
				+ good + ",张好人,13812345678," + Demo.GRID1 + ",翠苑小区,3号楼,2单元,301,ELDERLY_ALONE|低保\n" // 2 ok
				+ TestIds.badCheck(TestIds.next()) + ",校验错,,"  + Demo.GRID1 + ",翠苑小区,3号楼,2单元,302,\n" // 3
				+ badDate + ",日期错,," + Demo.GRID1 + ",翠苑小区,3号楼,2单元,303,\n" // 4
				+ TestIds.next() + ",,," + Demo.GRID1 + ",翠苑小区,3号楼,2单元,304,\n" // 5 name
				+ TestIds.next() + ",无网格,,320819001001099,翠苑小区,3号楼,2单元,305,\n" // 6 unknown grid
				+ TestIds.next() + ",越界,," + Demo.GRID2 + ",翠苑小区,3号楼,2单元,306,\n" // 7 out of scope
				+ TestIds.next() + ",电话错,12345," + Demo.GRID1 + ",翠苑小区,3号楼,2单元,307,\n" // 8 phone
				+ TestIds.next() + ",标签错,," + Demo.GRID1 + ",翠苑小区,3号楼,2单元,308,FOO\n" // 9 tag
				+ good + ",重复,," + Demo.GRID1 + ",翠苑小区,3号楼,2单元,309,\n" // 10 duplicate: first wins
				+ "\n" // blank lines are skipped but keep the numbering
				+ toFullWidth(fullWidth) + " , 全角 ,１３９ ０００ ０１１１１," + Demo.GRID1 + ",翠苑小区,3号楼,2单元,310,\n"; // 12 ok
		long id = importNow(COMMUNITY1, "bad.csv", csv.getBytes(StandardCharsets.UTF_8));

		ImportJob job = job(id);
		assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(job.processedRows()).isEqualTo(10);
		assertThat(job.acceptedRows()).isEqualTo(2);
		assertThat(job.rejectedRows()).isEqualTo(8);
		List<ImportError> errors = imports.errors(COMMUNITY1, id, 100);
		assertThat(errors).extracting(e -> e.row() + ":" + e.column()).containsExactly("3:id_number", "4:id_number",
				"5:name", "6:grid_code", "7:grid_code", "8:phone", "9:tags", "10:id_number");
		assertThat(errors.get(0).reasonZh()).isEqualTo("身份证号校验位错误");
		assertThat(errors.get(0).reasonEn()).isEqualTo("The check digit of the ID number is wrong");
		assertThat(errors.get(1).reasonEn()).contains("birth date");
		assertThat(errors.get(4).reasonEn()).contains("outside your jurisdiction");
		assertThat(errors.get(7).value()).isEqualTo(good.substring(0, 6) + "********" + good.substring(14));
		assertThat(errors.get(7).reasonEn()).contains("row 2");

		assertThat(residents(good)).isEqualTo(1);
		assertThat(column(good, "name")).isEqualTo("张好人");
		assertThat(column(good, "phone_masked")).isEqualTo("138****5678");
		assertThat(column(good, "id_number_enc")).doesNotContain(good);
		assertThat(cipher.decrypt(column(good, "id_number_enc"))).isEqualTo(good);
		assertThat(jdbc.sql("""
				SELECT t.tag FROM resident_tag t JOIN resident r ON r.id = t.resident_id WHERE r.id_number_hash = ?
				ORDER BY t.tag""").param(cipher.lookupHash(good)).query(String.class).list())
				.containsExactly("ELDERLY_ALONE", "LOW_INCOME");
		assertThat(column(fullWidth, "name")).isEqualTo("全角");
		assertThat(column(fullWidth, "phone_masked")).isEqualTo("139****1111");
	}

	@Test
	void readsGbkBomAndExcelFiles() throws Exception {
		String gbk = TestIds.next();
		String bom = TestIds.next();
		String xlsx = TestIds.next();
		long gbkJob = importNow(COMMUNITY1, "gbk.csv", (HEADER + gbk + ",王国庆,," + Demo.GRID1 + ",翠苑小区,1号楼,1单元,101,独居老人\n")
				.getBytes(Charset.forName("GBK")));
		long bomJob = importNow(COMMUNITY1, "bom.csv", ("\uFEFFid_number,name,grid_code,address\n" + bom + ",Li Lei,"
				+ Demo.GRID1 + ",翠苑小区东门岗亭\n").getBytes(StandardCharsets.UTF_8));
		long xlsxJob = importNow(COMMUNITY1, "residents.xlsx", workbook(List.of(
				List.of("身份证号", "姓名", "网格编码", "小区", "房号"),
				List.of(xlsx, "赵表格", Demo.GRID1, "翠苑小区", "502"),
				List.of("123", "坏行", Demo.GRID1, "翠苑小区", "503"))));

		assertThat(List.of(job(gbkJob), job(bomJob))).allSatisfy(j -> {
			assertThat(j.status()).isEqualTo(ImportStatus.SUCCEEDED);
			assertThat(j.acceptedRows()).isEqualTo(1);
		});
		assertThat(column(gbk, "name")).isEqualTo("王国庆");
		assertThat(column(bom, "name")).isEqualTo("Li Lei");
		assertThat(job(xlsxJob).acceptedRows()).isEqualTo(1);
		assertThat(job(xlsxJob).rejectedRows()).isEqualTo(1);
		assertThat(imports.errors(COMMUNITY1, xlsxJob, 10)).extracting(ImportError::row).containsExactly(3L);
		assertThat(column(xlsx, "name")).isEqualTo("赵表格");
	}

	@Test
	void aFileThatIsNotATableGetsAClearError() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		assertThatThrownBy(() -> imports.create(COMMUNITY1, "photo.png", png, null))
				.isInstanceOf(InvalidInputException.class).hasMessage("imports.file.notTable");

		long text = importNow(COMMUNITY1, "letter.txt", "Dear colleagues,\nplease find attached...\n"
				.getBytes(StandardCharsets.UTF_8));
		assertThat(job(text).status()).isEqualTo(ImportStatus.FAILED);
		assertThat(job(text).messageKey()).isEqualTo("imports.file.columns");
		assertThat(imports.errors(COMMUNITY1, text, 10)).extracting(ImportError::column)
				.containsExactly("grid_code", "id_number", "name");

		long brokenZip = importNow(COMMUNITY1, "fake.xlsx", new byte[] { 'P', 'K', 3, 4, 1, 2, 3 });
		assertThat(job(brokenZip).status()).isEqualTo(ImportStatus.FAILED);
		assertThat(job(brokenZip).messageKey()).isEqualTo("imports.file.notTable");
		assertThat(imports.errors(COMMUNITY1, brokenZip, 10).get(0).reasonZh()).contains("不是表格");
	}

	@Test
	void reImportUpdatesByIdNumberAndNeverDuplicates() {
		String a = TestIds.next();
		String b = TestIds.next();
		String first = HEADER + a + ",甲,13800000001," + Demo.GRID1 + ",翠苑小区,1号楼,1单元,201,\n"
				+ b + ",乙,," + Demo.GRID1 + ",翠苑小区,1号楼,1单元,202,\n";
		long one = importNow(COMMUNITY1, "a.csv", first.getBytes(StandardCharsets.UTF_8));
		long total = jdbc.sql("SELECT COUNT(*) FROM resident").query(Long.class).single();
		long households = jdbc.sql("SELECT COUNT(*) FROM household").query(Long.class).single();

		long again = importNow(COMMUNITY1, "a.csv", first.getBytes(StandardCharsets.UTF_8));
		String changed = HEADER + a + ",甲改,13900000002," + Demo.GRID1 + ",翠苑小区,1号楼,1单元,201,\n"
				+ b + ",乙,," + Demo.GRID1 + ",翠苑小区,1号楼,1单元,202,\n";
		long third = importNow(COMMUNITY1, "a2.csv", changed.getBytes(StandardCharsets.UTF_8));

		assertThat(List.of(job(one), job(again), job(third))).allSatisfy(j -> {
			assertThat(j.processedRows()).isEqualTo(2);
			assertThat(j.acceptedRows()).isEqualTo(2);
		});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM resident").query(Long.class).single()).isEqualTo(total);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM household").query(Long.class).single()).isEqualTo(households);
		assertThat(residents(a)).isEqualTo(1);
		assertThat(column(a, "name")).isEqualTo("甲改");
		assertThat(column(a, "phone_masked")).isEqualTo("139****0002");
	}

	@Test
	void anInterruptedImportResumesFromItsLastCommittedBatchWithTheSameResult() {
		List<String> ids = List.of(TestIds.next(), TestIds.next(), TestIds.next(), TestIds.next(), TestIds.next(),
				TestIds.next(), TestIds.next());
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < ids.size(); i++) {
			csv.append(i == 3 ? "123" : ids.get(i)).append(",断点").append(i).append(",,").append(Demo.GRID1)
					.append(",翠苑小区,9号楼,1单元,").append(900 + i).append(",\n");
		}
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
		runner.batchSize = 2;
		hooks.crashAfter(ImportRunner.QUEUE, 2);
		long id = imports.create(COMMUNITY1, "crash.csv", file, null);
		assertThatThrownBy(() -> runner.run(id)).isInstanceOf(JobHooks.SimulatedCrash.class);

		ImportJob crashed = job(id);
		assertThat(crashed.status()).isEqualTo(ImportStatus.RUNNING);
		assertThat(crashed.processedRows()).isEqualTo(4);
		assertThat(crashed.acceptedRows()).isEqualTo(3);
		assertThat(residents(ids.get(4))).isZero();

		hooks.reset();
		runner.run(id); // what start-up does for a RUNNING job
		ImportJob resumed = job(id);
		assertThat(resumed.status()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(resumed.processedRows()).isEqualTo(7);
		assertThat(resumed.acceptedRows()).isEqualTo(6);
		assertThat(resumed.rejectedRows()).isEqualTo(1);
		assertThat(imports.errors(COMMUNITY1, id, 10)).extracting(ImportError::row).containsExactly(5L);
		for (int i = 0; i < ids.size(); i++) {
			assertThat(residents(ids.get(i))).isEqualTo(i == 3 ? 0 : 1);
		}

		long uninterrupted = importNow(COMMUNITY1, "crash.csv", file);
		assertThat(job(uninterrupted)).extracting(ImportJob::processedRows, ImportJob::acceptedRows,
				ImportJob::rejectedRows).containsExactly(7, 6, 1);
		for (String each : ids) {
			assertThat(residents(each)).isLessThanOrEqualTo(1);
		}
	}

	@Test
	void importIsScopedToTheImportersGridsAndRoles() {
		String own = TestIds.next();
		String neighbour = TestIds.next();
		String csv = HEADER + own + ",本网格,," + Demo.GRID1 + ",翠苑小区,1号楼,1单元,601,\n"
				+ neighbour + ",邻网格,,320819001001002,翠苑小区,1号楼,1单元,602,\n";
		long id = importNow(GRID1, "grid1.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(imports.get(GRID1, id).acceptedRows()).isEqualTo(1);
		assertThat(imports.errors(GRID1, id, 10)).extracting(ImportError::row, ImportError::column)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "grid_code"));
		assertThat(residents(neighbour)).isZero();

		CurrentUser police = new CurrentUser(-3, "police1", "p", Set.of(Role.POLICE), Scope.of(Set.of(Demo.COMMUNITY1)),
				null);
		assertThatThrownBy(() -> imports.create(police, "x.csv", csv.getBytes(StandardCharsets.UTF_8), null))
				.isInstanceOf(OutOfScopeException.class);
		assertThatThrownBy(() -> imports.get(GRID1, importNow(COMMUNITY1, "c.csv", csv.getBytes(StandardCharsets.UTF_8))))
				.isInstanceOf(OutOfScopeException.class);
	}

	static String toFullWidth(String digits) {
		StringBuilder out = new StringBuilder();
		for (char c : digits.toCharArray()) {
			out.append(Character.isDigit(c) ? (char) (c + 0xFEE0) : c);
			if (out.length() == 6) {
				out.append(' ');
			}
		}
		return out.toString();
	}

	static byte[] workbook(List<List<String>> rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("居民");
			for (int r = 0; r < rows.size(); r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
