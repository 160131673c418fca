package org.ceprint.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;

import org.ceprint.registry.EntryStatus;
import org.ceprint.registry.Holder;
import org.ceprint.registry.LearningForm;
import org.ceprint.registry.RegistrationEntry;
import org.ceprint.registry.Sex;
import org.ceprint.registry.SubjectType;
import org.ceprint.registry.TitleLevel;

/**
 * Row mappers shared by the registry's read repositories.
 */
public final class RegistryRows {

	public static final String HOLDER_COLUMNS = """
			p.id AS person_id, p.name AS person_name, p.sex, p.birth_date, p.id_number, p.title_level,
			p.title_name, p.specialty, o.id AS unit_id, o.name AS unit_name, o.channel_code AS unit_channel
			""";

	public static final String ENTRY_SELECT = """
			SELECT e.id, e.person_id, e.project_name, e.content, e.learning_form, e.subject_type, e.start_date,
			       e.end_date, e.hours, e.result, e.outcome, e.registered_by_id, r.name AS registered_by_name,
			       e.status, vc.office_name AS verified_by_office, e.verified_by_clerk, e.verified_at,
			       e.rejection_reason, e.sealed_at, e.certificate_id, e.credit_item, e.credited_by
			FROM registration_entry e
			JOIN organisation r ON r.id = e.registered_by_id
			LEFT JOIN channel vc ON vc.code = e.verified_by_channel
			""";

	private RegistryRows() {
	}

	public static Holder holder(ResultSet rs) throws SQLException {
		return new Holder(rs.getLong("person_id"), rs.getString("person_name"), Sex.valueOf(rs.getString("sex")),
				rs.getDate("birth_date").toLocalDate(), rs.getString("id_number"),
				TitleLevel.valueOf(rs.getString("title_level")), rs.getString("title_name"), rs.getString("specialty"),
				rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("unit_channel"));
	}

	public static RegistrationEntry entry(ResultSet rs, int row) throws SQLException {
		return new RegistrationEntry(rs.getLong("id"), rs.getLong("person_id"), rs.getString("project_name"),
				rs.getString("content"), LearningForm.valueOf(rs.getString("learning_form")),
				SubjectType.valueOf(rs.getString("subject_type")), rs.getDate("start_date").toLocalDate(),
				rs.getDate("end_date").toLocalDate(), rs.getBigDecimal("hours"), rs.getString("result"),
				rs.getString("outcome"), rs.getLong("registered_by_id"), rs.getString("registered_by_name"),
				EntryStatus.valueOf(rs.getString("status")), rs.getString("verified_by_office"),
				rs.getString("verified_by_clerk"), localDateTime(rs.getTimestamp("verified_at")),
				rs.getString("rejection_reason"), localDateTime(rs.getTimestamp("sealed_at")),
				(Long) rs.getObject("certificate_id", Long.class), rs.getString("credit_item"),
				rs.getString("credited_by"));
	}

	private static LocalDateTime localDateTime(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toLocalDateTime() : null;
	}

}
