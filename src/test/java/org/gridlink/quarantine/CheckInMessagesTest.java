package org.gridlink.quarantine;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every check-in message exists in English and Chinese, and every configured symptom has a name in both. */
class CheckInMessagesTest {

	static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var in = CheckInMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void englishAndChineseHaveTheSameKeysAndNameEverySymptom() throws IOException {
		Properties en = load("checkins.properties");
		Properties zh = load("checkins_zh_CN.properties");
		assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
		MonitoringRules rules = new MonitoringRules(java.time.LocalTime.of(10, 0), new java.math.BigDecimal("37.3"),
				java.util.List.of("COUGH", "SORE_THROAT", "FATIGUE", "SHORT_BREATH", "TASTE_SMELL_LOSS", "DIARRHEA",
						"MUSCLE_ACHE"));
		for (String code : rules.symptoms()) {
			assertThat(en).containsKey("checkins.symptom." + code);
		}
		for (String reason : java.util.List.of("MISSED", "FEVER", "SYMPTOM", "FEVER_SYMPTOM")) {
			assertThat(zh).containsKey("checkins.reason." + reason);
		}
	}

	@Test
	void theFeverThresholdIsInclusiveAndTheReportNamesItsReason() {
		MonitoringRules rules = new MonitoringRules(java.time.LocalTime.of(10, 0), new java.math.BigDecimal("37.3"),
				java.util.List.of("COUGH"));
		assertThat(HealthReport.parse("37.2", null, null, true, rules).orThrow().alertReason(rules)).isNull();
		assertThat(HealthReport.parse("37.3", null, null, true, rules).orThrow().alertReason(rules)).isEqualTo("FEVER");
		assertThat(HealthReport.parse("37", java.util.List.of("COUGH"), null, true, rules).orThrow().alertReason(rules))
				.isEqualTo("SYMPTOM");
		assertThat(HealthReport.parse("39.0", java.util.List.of("COUGH"), "x|y", true, rules).orThrow()
				.alertReason(rules)).isEqualTo("FEVER_SYMPTOM");
		HealthReport report = HealthReport.parse("36,8", java.util.List.of("COUGH", "COUGH"), "a|b|c", true, rules)
				.orThrow();
		assertThat(HealthReport.decode(report.encode())).isEqualTo(report);
		assertThat(report.symptoms()).containsExactly("COUGH");
		assertThat(HealthReport.parse(null, null, null, false, rules).orThrow().temperature()).isNull();
	}
}
