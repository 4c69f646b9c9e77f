package vn.khien.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.platform.web.AuditDetails.Field;
import vn.khien.platform.web.AuditDetails.Layout;

/** The audit page's reading of stored states. */
class AuditDetailsTest {

	final JsonMapper json = JsonMapper.builder().build();

	AuditDetails of(String before, String after) {
		return AuditDetails.of(json, before, after, yes -> yes ? "Có" : "Không");
	}

	@Test
	void aChangeListsEveryFieldOfBothStatesAndFlagsTheChangedOnesNullAndAbsentAlike() {
		var details = of("""
				{"name":"Sở Y tế","active":true,"parentId":1,"note":null}""", """
				{"name":"Sở Y tế tỉnh","active":true,"parentId":2,"email":"syt@example.vn"}""");
		assertThat(details.layout()).isEqualTo(Layout.CHANGES);
		assertThat(details.fields()).containsExactly(new Field("name", "Sở Y tế", "Sở Y tế tỉnh", true),
				new Field("active", "Có", "Có", false), new Field("parentId", "1", "2", true),
				new Field("note", null, null, false), new Field("email", null, "syt@example.vn", true));
	}

	@Test
	void oneStateGivesEachFieldsValueOnItsSide() {
		assertThat(of(null, "{\"result\":\"success\"}"))
			.isEqualTo(new AuditDetails(Layout.AFTER, List.of(new Field("result", null, "success", false))));
		assertThat(of("{\"roles\":[\"ADMIN\",\"POLICE\"]}", null)).isEqualTo(
				new AuditDetails(Layout.BEFORE, List.of(new Field("roles", "[\"ADMIN\",\"POLICE\"]", null, false))));
	}

	@Test
	void whatIsNotAnObjectGivesNoTable() {
		assertThat(of("[{\"id\":1}]", "[{\"id\":1}]").layout()).isEqualTo(Layout.NONE);
		assertThat(of(null, "not json {").layout()).isEqualTo(Layout.NONE);
		assertThat(of("{\"a\":1}", "not json").layout()).isEqualTo(Layout.NONE);
		assertThat(of(null, null)).isEqualTo(new AuditDetails(Layout.NONE, List.of()));
	}

	@Test
	void longValuesAreCut() {
		String value = "x".repeat(AuditDetails.MAX_VALUE + 50);
		var field = of(null, "{\"file\":\"" + value + "\"}").fields().get(0);
		assertThat(field.after()).hasSize(AuditDetails.MAX_VALUE + 1).endsWith("…");
	}

}
